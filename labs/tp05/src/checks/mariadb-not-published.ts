import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp05Outputs } from "../outputs";

export const mariadbNotPublished: Check<Tp05Outputs> = {
  id: "mariadb-not-published",
  title: "MariaDB is not published on the host",
  points: 2,
  needs: ["mariadb-running"],
  hint: "Only WordPress needs the database, and it reaches it over the lab network. `docker port <mariadb container>` must print nothing: remove any -p / ports: entry for MariaDB.",
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const name = outputs.mariadbContainer;
      const mariadb = await docker.container(name);
      if (!mariadb) return fail(`mariadb container ${name} does not exist`);
      if (mariadb.ports.length > 0) {
        const bindings = mariadb.ports.map(
          (p) => `${p.hostIp}:${p.hostPort}->${p.containerPort}/${p.protocol}`,
        );
        return fail(`MariaDB is published on the host: ${bindings.join(", ")}`);
      }
      return pass(`mariadb container ${name} has no host port binding`);
    }),
};
