import { type Check, engineGuard, fail, pass, volumeMountProblem } from "@labctl/sdk";
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
      const problem = volumeMountProblem(mysql, MYSQL_DATA_DIR, expected);
      if (problem) return fail(problem);
      return pass(`${MYSQL_DATA_DIR} in ${mysqlContainer} is on volume ${expected}`);
    }),
};
