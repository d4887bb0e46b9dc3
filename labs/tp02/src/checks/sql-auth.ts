import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp02Outputs } from "../outputs";
import { rootSql, sqlError } from "./root-sql";

export const sqlAuth: Check<Tp02Outputs> = {
  id: "sql-auth",
  title: "root logs in with the generated password and uses the lab's database",
  points: 3,
  needs: ["db-running"],
  hint: "Try it yourself: `docker exec -it <db container> mariadb -u root -p tp02` with the password `labctl up tp02 --show-secrets` prints. MariaDB reads MARIADB_ROOT_PASSWORD and MARIADB_DATABASE only when it initialises an empty data directory.",
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const { database } = outputs;
      const { ok, rows, result } = await rootSql(docker, outputs, "SELECT CURRENT_USER(), DATABASE()");
      if (!ok) {
        return fail(`root cannot use database ${database}: ${sqlError(result.stderr, result.exitCode)}`);
      }
      const account = rows[0]?.[0] ?? "root";
      return pass(`root logs in with the generated password (as ${account}) and uses database ${database}`);
    }),
};
