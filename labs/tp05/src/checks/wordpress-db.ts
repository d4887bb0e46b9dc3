import { type Check, errorText, fail, pass } from "@labctl/sdk";
import type { Tp05Outputs } from "../outputs";
import { databaseError, headline } from "./wordpress-page";

export const wordpressDb: Check<Tp05Outputs> = {
  id: "wordpress-db",
  title: 'WordPress connects to MariaDB (no "Error establishing a database connection")',
  points: 3,
  needs: ["mariadb-running"],
  hint: "WordPress reads WORDPRESS_DB_HOST, WORDPRESS_DB_USER, WORDPRESS_DB_PASSWORD and WORDPRESS_DB_NAME; they must name the MariaDB container (by its alias on the shared network) and match the MYSQL_USER, MYSQL_PASSWORD and MYSQL_DATABASE it was created with. `docker inspect` both containers to compare.",
  run: async ({ http, outputs }) => {
    // install.php opens the database connection before anything else, installed or not.
    const url = `${outputs.wordpressUrl}/wp-admin/install.php`;
    try {
      const res = await http.request(url, { timeoutMs: 15_000 });
      const dbError = databaseError(res.body);
      if (dbError) {
        return fail(
          `WordPress cannot use its database: "${dbError}" on ${url} (compare WORDPRESS_DB_* with the MYSQL_* of ${outputs.mariadbContainer})`,
        );
      }
      if (res.status !== 200) {
        const says = headline(res.body);
        return fail(`${url} answers HTTP ${res.status}${says ? `: "${says}"` : ""}`);
      }
      return pass(
        `WordPress connects to database ${outputs.database} (${url} answers 200 with no database error)`,
      );
    } catch (err) {
      return fail(`WordPress does not answer on ${url}: ${errorText(err)}`);
    }
  },
};
