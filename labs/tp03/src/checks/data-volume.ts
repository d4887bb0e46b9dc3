import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp03Outputs } from "../outputs";
import { MYSQL_DATA_DIR } from "../topology";

export const dataVolume: Check<Tp03Outputs> = {
  id: "data-volume",
  title: `MySQL keeps its data on the lab's named volume at ${MYSQL_DATA_DIR}`,
  points: 2,
  hint: `Without a named volume at ${MYSQL_DATA_DIR}, the blog's data disappears with the container. Compare \`docker volume ls\` with the Mounts section of \`docker inspect <mysql container>\`.`,
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const { mysqlContainer, volume: expected } = outputs;
      if (!(await docker.volume(expected))) return fail(`volume ${expected} does not exist`);
      const mysql = await docker.container(mysqlContainer);
      if (!mysql) return fail(`mysql container ${mysqlContainer} does not exist`);
      const mount = mysql.mounts.find((m) => m.destination === MYSQL_DATA_DIR);
      if (!mount) return fail(`nothing is mounted at ${MYSQL_DATA_DIR} in ${mysqlContainer}`);
      if (mount.type !== "volume") {
        return fail(
          `${MYSQL_DATA_DIR} is a ${mount.type} mount of ${mount.source}, not the volume ${expected}`,
        );
      }
      if (mount.name !== expected) {
        return fail(
          `${MYSQL_DATA_DIR} is on volume ${mount.name ?? "(anonymous)"}, not the lab's volume ${expected}`,
        );
      }
      return pass(`${MYSQL_DATA_DIR} in ${mysqlContainer} is on volume ${expected}`);
    }),
};
