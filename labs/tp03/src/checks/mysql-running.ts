import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp03Outputs } from "../outputs";

export const mysqlRunning: Check<Tp03Outputs> = {
  id: "mysql-running",
  title: "MySQL container is running and healthy",
  points: 2,
  hint: "Look at `docker ps -a` and `docker logs <mysql container>`: a wrong MYSQL_* variable or a data volume initialised with other passwords stops MySQL at boot.",
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const name = outputs.mysqlContainer;
      const mysql = await docker.container(name);
      if (!mysql) return fail(`mysql container ${name} does not exist`);
      const { status, running, exitCode, health } = mysql.state;
      if (!running) return fail(`mysql container ${name} is ${status} (exit code ${exitCode})`);
      if (health !== undefined && health !== "healthy") {
        return fail(`mysql container ${name} is running but its healthcheck reports ${health}`);
      }
      return pass(`mysql container ${name} is running${health ? " and healthy" : ""}`);
    }),
};
