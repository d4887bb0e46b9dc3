import { type Check, checkContainerRunning, engineGuard } from "@labctl/sdk";
import type { Tp03Outputs } from "../outputs";

export const mysqlRunning: Check<Tp03Outputs> = {
  id: "mysql-running",
  title: "MySQL container is running and healthy",
  points: 2,
  hint: "Look at `docker ps -a` and `docker logs <mysql container>`: a wrong MYSQL_* variable or a data volume initialised with other passwords stops MySQL at boot.",
  run: ({ docker, outputs }) =>
    engineGuard(() => checkContainerRunning(docker, "mysql", outputs.mysqlContainer)),
};
