import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp05Outputs } from "../outputs";

export const mariadbRunning: Check<Tp05Outputs> = {
  id: "mariadb-running",
  title: "MariaDB container is running and healthy",
  points: 2,
  hint: "Look at `docker ps -a` and `docker logs <mariadb container>`: MariaDB refuses to start without a root password (MYSQL_ROOT_PASSWORD), and a data volume initialised earlier keeps its old passwords.",
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const name = outputs.mariadbContainer;
      const mariadb = await docker.container(name);
      if (!mariadb) return fail(`mariadb container ${name} does not exist`);
      const { status, running, exitCode, health } = mariadb.state;
      if (!running) return fail(`mariadb container ${name} is ${status} (exit code ${exitCode})`);
      if (health !== undefined && health !== "healthy") {
        return fail(`mariadb container ${name} is running but its healthcheck reports ${health}`);
      }
      return pass(`mariadb container ${name} is running${health ? " and healthy" : ""}`);
    }),
};
