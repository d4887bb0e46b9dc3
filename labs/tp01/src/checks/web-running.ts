import { type Check, engineGuard, fail, pass, runningContainer } from "@labctl/sdk";
import type { Tp01Outputs } from "../outputs";

/** Restart policies that bring the container back after a crash or a reboot of the engine. */
const RESTARTING = new Set(["always", "unless-stopped", "on-failure"]);

export const webRunning: Check<Tp01Outputs> = {
  id: "web-running",
  title: "The nginx container is running, with a restart policy",
  points: 2,
  needs: ["engine-reachable"],
  hint: "`docker ps -a` shows whether the web container runs; `docker logs <web container>` says why it stopped. `docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' <web container>` shows its restart policy (`docker update --restart unless-stopped` sets one).",
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const name = outputs.webContainer;
      const found = await runningContainer(docker, "web", name);
      if ("failure" in found) return found.failure;
      const policy = found.container.restartPolicy || "no";
      if (!RESTARTING.has(policy)) {
        return fail(
          `web container ${name} runs without a restart policy (restart: ${policy}): it will not come back after a reboot`,
        );
      }
      return pass(`web container ${name} is running (restart: ${policy})`);
    }),
};
