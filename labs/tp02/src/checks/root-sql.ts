import { type DockerProbe, mysqlQuery } from "@labctl/sdk";
import type { Tp02Outputs } from "../outputs";
import { SQL_CLIENT } from "../topology";

/** Runs SQL inside the database container as root, with the generated password, in the lab's database. */
export function rootSql(docker: DockerProbe, outputs: Tp02Outputs, sql: string) {
  const { dbContainer, rootPassword: password, database } = outputs;
  return mysqlQuery(docker, dbContainer, { user: "root", password, database }, sql, { client: SQL_CLIENT });
}

/** The client's ERROR line (e.g. "ERROR 1045 (28000): Access denied ..."), else its last words. */
export function sqlError(stderr: string, exitCode: number): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    lines.find((l) => l.startsWith("ERROR")) ?? lines.at(-1) ?? `${SQL_CLIENT} exited with code ${exitCode}`
  );
}
