import { type Check, errorText, fail, pass } from "@labctl/sdk";
import type { Tp06Outputs } from "../outputs";
import { checkImage } from "../registry/check-image";
import { RegistryStepError } from "../registry/registry-http";
import { pullByHttp, pushByHttp } from "../registry/round-trip";
import { registryTarget } from "./registry-target";

export const httpRoundTrip: Check<Tp06Outputs> = {
  id: "http-round-trip",
  title: "An image pushed over the registry API comes back identical",
  points: 4,
  needs: ["login"],
  hint: "labctl pushes a tiny image (one layer, its config, its manifest) as `docker push` would, then pulls it back. A failing upload usually means the registry cannot write its storage: look at `docker logs <registry container>` and at what is mounted on /var/lib/registry.",
  run: async ({ http, outputs, studentId }) => {
    const image = checkImage(studentId);
    const name = `${image.repository}:${image.tag}`;
    const target = registryTarget(outputs, "student");
    try {
      await pushByHttp(http, target, image);
      await pullByHttp(http, target, image);
      return pass(`pushed and pulled back ${name} over the registry API (manifest ${image.manifest.digest})`);
    } catch (err) {
      if (err instanceof RegistryStepError) return fail(`round trip of ${name} failed: ${err.message}`);
      return fail(`the registry does not answer on ${outputs.registryUrl}: ${errorText(err)}`);
    }
  },
};
