import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp02Outputs } from "../outputs";

export const dbRunning: Check<Tp02Outputs> = {
  id: "db-running",
  title: "MariaDB is running and healthy",
  points: 2,
  hint: "Look at `docker ps -a` and `docker logs <db container>`: a data volume initialised with another root password, or a missing MARIADB_ROOT_PASSWORD, stops MariaDB at boot.",
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const name = outputs.dbContainer;
      const db = await docker.container(name);
      if (!db) return fail(`db container ${name} does not exist`);
      const { status, running, exitCode, health } = db.state;
      if (!running) return fail(`db container ${name} is ${status} (exit code ${exitCode})`);
      if (health !== undefined && health !== "healthy") {
        return fail(`db container ${name} is running but its healthcheck reports ${health}`);
      }
      return pass(`db container ${name} is running${health ? " and healthy" : ""}`);
    }),
};
