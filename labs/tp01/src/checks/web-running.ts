import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
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
      const web = await docker.container(name);
      if (!web) return fail(`web container ${name} does not exist`);
      const { status, running, exitCode } = web.state;
      if (!running) return fail(`web container ${name} is ${status} (exit code ${exitCode})`);
      const policy = web.restartPolicy || "no";
      if (!RESTARTING.has(policy)) {
        return fail(
          `web container ${name} runs without a restart policy (restart: ${policy}): it will not come back after a reboot`,
        );
      }
      return pass(`web container ${name} is running (restart: ${policy})`);
    }),
};
