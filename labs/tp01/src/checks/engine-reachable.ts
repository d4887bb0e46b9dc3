import { type Check, engineGuard, pass } from "@labctl/sdk";
import type { Tp01Outputs } from "../outputs";

export const engineReachable: Check<Tp01Outputs> = {
  id: "engine-reachable",
  title: "The Docker engine answers",
  points: 1,
  hint: "`docker version` must show a Server section. If it only shows the Client, start the engine (`sudo systemctl start docker`, or Docker Desktop) and check that your user may use it (`docker` group, or DOCKER_HOST).",
  run: ({ docker }) =>
    engineGuard(async () => {
      const { version, apiVersion } = await docker.version();
      return pass(`Docker Engine ${version} answers (API ${apiVersion})`);
    }),
};
