import { type Check, checkContainerRunning, engineGuard } from "@labctl/sdk";
import type { Tp05Outputs } from "../outputs";

export const mariadbRunning: Check<Tp05Outputs> = {
  id: "mariadb-running",
  title: "MariaDB container is running and healthy",
  points: 2,
  hint: "Look at `docker ps -a` and `docker logs <mariadb container>`: MariaDB refuses to start without a root password (MYSQL_ROOT_PASSWORD), and a data volume initialised earlier keeps its old passwords.",
  run: ({ docker, outputs }) =>
    engineGuard(() => checkContainerRunning(docker, "mariadb", outputs.mariadbContainer)),
};
