import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp04Outputs } from "../outputs";

export const appHealthy: Check<Tp04Outputs> = {
  id: "app-healthy",
  title: "labapp runs and the image's HEALTHCHECK reports it healthy",
  points: 2,
  hint: "The image needs a HEALTHCHECK whose command exists in the runtime image: it has no curl, so `labapp health` checks the server itself. Look at `docker inspect --format '{{json .State.Health}}' <container>` and `docker logs <container>`.",
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const name = outputs.container;
      const app = await docker.container(name);
      if (!app) return fail(`container ${name} does not exist`);
      const { status, running, exitCode, health } = app.state;
      if (!running) return fail(`container ${name} is ${status} (exit code ${exitCode})`);
      if (health === undefined)
        return fail(`container ${name} has no healthcheck: the image declares no HEALTHCHECK`);
      if (health !== "healthy")
        return fail(`container ${name} is running but its healthcheck reports ${health}`);
      return pass(`container ${name} is running and healthy`);
    }),
};
