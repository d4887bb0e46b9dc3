import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp03Outputs } from "../outputs";

export const mysqlNotPublished: Check<Tp03Outputs> = {
  id: "mysql-not-published",
  title: "MySQL is not published on the host",
  points: 2,
  needs: ["mysql-running"],
  hint: "Only Ghost needs the database, and it reaches it over the lab network. `docker port <mysql container>` must print nothing: remove any -p / ports: entry for MySQL.",
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const name = outputs.mysqlContainer;
      const mysql = await docker.container(name);
      if (!mysql) return fail(`mysql container ${name} does not exist`);
      if (mysql.ports.length > 0) {
        const bindings = mysql.ports.map(
          (p) => `${p.hostIp}:${p.hostPort}->${p.containerPort}/${p.protocol}`,
        );
        return fail(`MySQL is published on the host: ${bindings.join(", ")}`);
      }
      return pass(`mysql container ${name} has no host port binding`);
    }),
};
