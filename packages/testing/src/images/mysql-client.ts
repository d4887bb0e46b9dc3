import { docker, waitFor } from "./standin-test-docker";

/** A SQL query through the client inside `container`, over TCP like a remote client. */
export function sql(
  container: string,
  user: string,
  password: string,
  query: string,
  db = "",
): Promise<string> {
  const client = ["mysql", "-h127.0.0.1", `-u${user}`, "-N", "-B", "-e", query, ...(db ? [db] : [])];
  return docker("exec", "-e", `MYSQL_PWD=${password}`, container, ...client);
}

/** Waits until `user` can query `db` over TCP (the final server, not the first boot's temporary one). */
export function waitForSql(container: string, user: string, password: string, db: string): Promise<true> {
  return waitFor(
    `${user}@${container}`,
    90_000,
    async () => (await sql(container, user, password, "SELECT 1", db)) === "1" || undefined,
  );
}
