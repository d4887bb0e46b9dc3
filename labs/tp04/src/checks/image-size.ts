import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp04Outputs } from "../outputs";
import { ADDED_SIZE_BUDGET } from "../topology";
import { imageAndBase } from "./image-and-base";

/** Sizes as `docker images` shows them (decimal megabytes). */
export const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export const imageSize: Check<Tp04Outputs> = {
  id: "image-size",
  title: `The Dockerfile adds at most ${megabytes(ADDED_SIZE_BUDGET)} to its runtime base image`,
  points: 3,
  hint: "Compile in a first stage and COPY --from it only the binary into a small runtime stage; install nothing the app does not need at run time. Compare `docker history <image>` with `docker history <runtime base>`.",
  once: true,
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const { image: ref, runtimeImage } = outputs;
      const found = await imageAndBase(docker, outputs, "measure");
      if ("failure" in found) return found.failure;
      const { image, base } = found;
      const added = image.size - base.size;
      const facts = `image ${ref} is ${megabytes(image.size)}, ${megabytes(added)} on top of ${runtimeImage} (${megabytes(base.size)})`;
      if (added > ADDED_SIZE_BUDGET)
        return fail(
          `${facts}, over the ${megabytes(ADDED_SIZE_BUDGET)} budget: does the final stage ship build tools?`,
        );
      return pass(`${facts}, within the ${megabytes(ADDED_SIZE_BUDGET)} budget`);
    }),
};
