import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp06Outputs } from "../outputs";

export const registryRunning: Check<Tp06Outputs> = {
  id: "registry-running",
  title: "The registry container is running",
  points: 2,
  hint: "Look at `docker ps -a` and `docker logs <registry container>`: a REGISTRY_AUTH_HTPASSWD_PATH pointing at a missing file stops the registry at start.",
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const name = outputs.registryContainer;
      const registry = await docker.container(name);
      if (!registry) return fail(`registry container ${name} does not exist`);
      const { status, running, exitCode } = registry.state;
      if (!running) return fail(`registry container ${name} is ${status} (exit code ${exitCode})`);
      return pass(`registry container ${name} is running`);
    }),
};
