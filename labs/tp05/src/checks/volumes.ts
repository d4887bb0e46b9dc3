import { type Check, engineGuard, fail, pass, volumeMountProblem } from "@labctl/sdk";
import type { Tp05Outputs } from "../outputs";
import { CONTENT_DIR, DB_DATA_DIR } from "../topology";

export const volumes: Check<Tp05Outputs> = {
  id: "volumes",
  title: `The database and wp-content live on the lab's named volumes`,
  points: 3,
  hint: `Two named volumes keep the site when containers are replaced: one on ${DB_DATA_DIR} in MariaDB (posts, users, settings), one on ${CONTENT_DIR} in WordPress (themes, plugins, uploaded media). Compare \`docker volume ls\` with the Mounts of \`docker inspect\` for each container.`,
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const wanted = [
        { container: outputs.mariadbContainer, dir: DB_DATA_DIR, volume: outputs.dbVolume },
        { container: outputs.wordpressContainer, dir: CONTENT_DIR, volume: outputs.contentVolume },
      ];
      const problems: string[] = [];
      for (const { container, dir, volume } of wanted) {
        if (!(await docker.volume(volume))) {
          problems.push(`volume ${volume} does not exist`);
          continue;
        }
        const view = await docker.container(container);
        const problem = view
          ? volumeMountProblem(view, dir, volume, { namingContainer: true })
          : `container ${container} does not exist`;
        if (problem) problems.push(problem);
      }
      if (problems.length > 0) return fail(problems.join("; "));
      return pass(wanted.map((w) => `${w.dir} in ${w.container} is on volume ${w.volume}`).join("; "));
    }),
};
