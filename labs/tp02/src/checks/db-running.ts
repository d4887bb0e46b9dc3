import { type Check, checkContainerRunning, engineGuard } from "@labctl/sdk";
import type { Tp02Outputs } from "../outputs";

export const dbRunning: Check<Tp02Outputs> = {
  id: "db-running",
  title: "MariaDB is running and healthy",
  points: 2,
  hint: "Look at `docker ps -a` and `docker logs <db container>`: a data volume initialised with another root password, or a missing MARIADB_ROOT_PASSWORD, stops MariaDB at boot.",
  run: ({ docker, outputs }) => engineGuard(() => checkContainerRunning(docker, "db", outputs.dbContainer)),
};
