import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp04Outputs } from "../outputs";
import { MAX_ADDED_LAYERS } from "../topology";
import { imageAndBase } from "./image-and-base";

export const imageLayers: Check<Tp04Outputs> = {
  id: "image-layers",
  title: `The Dockerfile adds at most ${MAX_ADDED_LAYERS} layers to its runtime base image`,
  points: 1,
  hint: "Each RUN, COPY and ADD of the final stage adds a layer; chain related commands with && in one RUN. `docker history <image>` lists them (steps of 0 B that only set metadata are not layers).",
  once: true,
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const { image: ref, runtimeImage } = outputs;
      const found = await imageAndBase(docker, outputs, "count");
      if ("failure" in found) return found.failure;
      const { image, base } = found;
      const added = image.layers - base.layers;
      const facts = `image ${ref} has ${image.layers} layers, ${added} on top of ${runtimeImage}`;
      if (added > MAX_ADDED_LAYERS)
        return fail(`${facts}, more than ${MAX_ADDED_LAYERS}: merge RUN instructions`);
      return pass(`${facts} (at most ${MAX_ADDED_LAYERS})`);
    }),
};
