import { type Check, engineGuard, fail, mysqlQuery, pass } from "@labctl/sdk";
import type { Tp03Outputs } from "../outputs";

/** A few of the tables Ghost creates when it first connects; enough to prove it migrated. */
export const GHOST_TABLES = ["posts", "settings", "users"];

export const ghostSchema: Check<Tp03Outputs> = {
  id: "ghost-schema",
  title: "Ghost's tables exist in MySQL",
  points: 3,
  needs: ["mysql-running"],
  hint: "Ghost creates its tables on first start. List them with `docker exec -it <mysql container> mysql -u ghost -p ghost -e 'SHOW TABLES'`; if there are none, Ghost is not using this database (see its database__connection__* variables).",
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const { mysqlContainer, mysqlUser: user, mysqlPassword: password, database } = outputs;
      const list = GHOST_TABLES.map((t) => `'${t}'`).join(",");
      const sql = `SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN (${list})`;
      const { ok, rows, result } = await mysqlQuery(
        docker,
        mysqlContainer,
        { user, password, database },
        sql,
      );
      if (!ok)
        return fail(
          `cannot query database ${database} as ${user}: ${mysqlError(result.stderr, result.exitCode)}`,
        );
      const found = new Set(rows.map((row) => row[0]?.toLowerCase()));
      const missing = GHOST_TABLES.filter((table) => !found.has(table));
      if (missing.length > 0) {
        return fail(`Ghost's tables are missing from database ${database}: ${missing.join(", ")}`);
      }
      return pass(`database ${database} holds Ghost's tables (${GHOST_TABLES.join(", ")})`);
    }),
};

/** The client's ERROR line (e.g. "ERROR 1045 (28000): Access denied ..."), else its last words. */
function mysqlError(stderr: string, exitCode: number): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.find((l) => l.startsWith("ERROR")) ?? lines.at(-1) ?? `mysql exited with code ${exitCode}`;
}
