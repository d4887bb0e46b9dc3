import { type Check, engineGuard, fail, pass, volumeMountProblem } from "@labctl/sdk";
import type { Tp02Outputs } from "../outputs";
import { DB_DATA_DIR } from "../topology";

export const dataVolume: Check<Tp02Outputs> = {
  id: "data-volume",
  title: `MariaDB keeps its data on the lab's named volume at ${DB_DATA_DIR}`,
  points: 2,
  hint: `Without a named volume at ${DB_DATA_DIR}, the data disappears with the container. Compare \`docker volume ls\` with the Mounts section of \`docker inspect <db container>\`.`,
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const { dbContainer, volume: expected } = outputs;
      if (!(await docker.volume(expected))) return fail(`volume ${expected} does not exist`);
      const db = await docker.container(dbContainer);
      if (!db) return fail(`db container ${dbContainer} does not exist`);
      const problem = volumeMountProblem(db, DB_DATA_DIR, expected);
      if (problem) return fail(problem);
      return pass(`${DB_DATA_DIR} in ${dbContainer} is on volume ${expected}`);
    }),
};
