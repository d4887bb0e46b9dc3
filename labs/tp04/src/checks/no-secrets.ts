import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp04Outputs } from "../outputs";
import { findSecrets } from "../secret-scan";

export const noSecrets: Check<Tp04Outputs> = {
  id: "no-secrets",
  title: "No secret in the image's environment or history",
  points: 3,
  hint: "Anything in ENV, and any ARG a RUN uses, is readable by whoever has the image: `docker history --no-trunc <image>` (steps counted from the oldest) and `docker image inspect <image>` show them. Give secrets to the container when it starts (APP_TOKEN here), never to the build.",
  once: true,
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const ref = outputs.image;
      const image = await docker.image(ref);
      if (!image) return fail(`image ${ref} does not exist`);
      const findings = findSecrets(image, { appToken: outputs.appToken });
      if (findings.length > 0) return fail(`image ${ref} leaks secrets: ${findings.join("; ")}`);
      return pass(`no credential in the environment or the ${image.history.length} history steps of ${ref}`);
    }),
};
