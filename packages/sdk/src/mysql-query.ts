import type { DockerProbe, ExecResult } from "./docker-probe";

export interface MysqlCredentials {
  user: string;
  password: string;
  database?: string;
}

export interface MysqlQueryOptions {
  /** The client program: `mysql` (default), or `mariadb` for MariaDB 11+ images, which ship no `mysql`. */
  client?: "mysql" | "mariadb";
}

/**
 * Runs SQL with the `mysql` client inside the database container, so it works whether or not
 * the database is published on the host. The password travels in MYSQL_PWD, not argv.
 * Returns rows as tab-separated columns.
 */
export async function mysqlQuery(
  docker: DockerProbe,
  container: string,
  creds: MysqlCredentials,
  sql: string,
  opts: MysqlQueryOptions = {},
): Promise<{ ok: boolean; rows: string[][]; result: ExecResult }> {
  const client = opts.client ?? "mysql";
  const cmd = [client, "--protocol=TCP", "-h127.0.0.1", "-u", creds.user, "-N", "-B", "-e", sql];
  if (creds.database) cmd.push(creds.database);
  const result = await docker.exec(container, cmd, { env: [`MYSQL_PWD=${creds.password}`] });
  const rows = result.stdout
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => line.split("\t"));
  return { ok: result.exitCode === 0, rows, result };
}
