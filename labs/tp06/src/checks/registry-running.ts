import { type Check, checkContainerRunning, engineGuard } from "@labctl/sdk";
import type { Tp06Outputs } from "../outputs";

export const registryRunning: Check<Tp06Outputs> = {
  id: "registry-running",
  title: "The registry container is running",
  points: 2,
  hint: "Look at `docker ps -a` and `docker logs <registry container>`: a REGISTRY_AUTH_HTPASSWD_PATH pointing at a missing file stops the registry at start.",
  run: ({ docker, outputs }) =>
    engineGuard(() => checkContainerRunning(docker, "registry", outputs.registryContainer)),
};
