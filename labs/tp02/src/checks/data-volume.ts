import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
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
      const mount = db.mounts.find((m) => m.destination === DB_DATA_DIR);
      if (!mount) return fail(`nothing is mounted at ${DB_DATA_DIR} in ${dbContainer}`);
      if (mount.type !== "volume") {
        const from = mount.source ? ` of ${mount.source}` : "";
        return fail(`${DB_DATA_DIR} is a ${mount.type} mount${from}, not the volume ${expected}`);
      }
      if (mount.name !== expected) {
        return fail(
          `${DB_DATA_DIR} is on volume ${mount.name ?? "(anonymous)"}, not the lab's volume ${expected}`,
        );
      }
      return pass(`${DB_DATA_DIR} in ${dbContainer} is on volume ${expected}`);
    }),
};
