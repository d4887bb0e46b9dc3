import { type Check, type ContainerView, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp05Outputs } from "../outputs";

/** WordPress's variable, and the MariaDB one it must repeat (MARIADB_* wins over MYSQL_* in the image). */
const PAIRS = [
  ["WORDPRESS_DB_USER", "USER"],
  ["WORDPRESS_DB_PASSWORD", "PASSWORD"],
  ["WORDPRESS_DB_NAME", "DATABASE"],
] as const;

const dbVariable = (db: ContainerView, name: string) => {
  const key = [`MARIADB_${name}`, `MYSQL_${name}`].find((k) => db.env[k] !== undefined);
  return key ? { key, value: db.env[key] } : undefined;
};

/** Every way WordPress's DB_HOST may name the database container: an alias on a shared network, or its name. */
function hostProblem(wp: ContainerView, db: ContainerView): string | undefined {
  // The image's default is "mysql" when WORDPRESS_DB_HOST is unset.
  const host = (wp.env.WORDPRESS_DB_HOST ?? "mysql").replace(/:\d+$/, "");
  const shared = Object.keys(wp.networks).filter((n) => db.networks[n]);
  const names = new Set([db.name, ...shared.flatMap((n) => db.networks[n]?.aliases ?? [])]);
  if (shared.length === 0) return `${wp.name} and ${db.name} share no network`;
  if (!names.has(host)) {
    return `WORDPRESS_DB_HOST=${host} does not name ${db.name} on ${shared.join(", ")} (it answers to ${[...names].join(", ")})`;
  }
  return undefined;
}

export const dbVariables: Check<Tp05Outputs> = {
  id: "db-variables",
  title: "WordPress's WORDPRESS_DB_* variables match MariaDB's MYSQL_* ones",
  points: 2,
  hint: "The two containers are configured separately: WORDPRESS_DB_HOST names the database container (its alias on the network), and WORDPRESS_DB_USER / _PASSWORD / _NAME repeat MYSQL_USER / _PASSWORD / _DATABASE. See `docker inspect --format '{{json .Config.Env}}'` on both.",
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const wp = await docker.container(outputs.wordpressContainer);
      if (!wp) return fail(`wordpress container ${outputs.wordpressContainer} does not exist`);
      const db = await docker.container(outputs.mariadbContainer);
      if (!db) return fail(`mariadb container ${outputs.mariadbContainer} does not exist`);
      const problems: string[] = [];
      const host = hostProblem(wp, db);
      if (host) problems.push(host);
      for (const [wpKey, dbName] of PAIRS) {
        const wpValue = wp.env[wpKey];
        const dbVar = dbVariable(db, dbName);
        if (wpValue === undefined) problems.push(`${wpKey} is not set in ${wp.name}`);
        else if (!dbVar) problems.push(`MYSQL_${dbName} is not set in ${db.name}`);
        else if (wpValue !== dbVar.value) {
          // Never print a password, only that it differs.
          const values = dbName === "PASSWORD" ? "" : ` (${wpValue} vs ${dbVar.value})`;
          problems.push(`${wpKey} does not match ${dbVar.key}${values}`);
        }
      }
      if (problems.length > 0) return fail(problems.join("; "));
      return pass(
        `WORDPRESS_DB_HOST names ${db.name}; WORDPRESS_DB_USER, _PASSWORD and _NAME match MariaDB's USER, PASSWORD and DATABASE`,
      );
    }),
};
