import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  type Check,
  type CheckContext,
  type CheckResult,
  engineGuard,
  error,
  errorText,
  fail,
  pass,
} from "@labctl/sdk";
import type { Tp02Outputs } from "../outputs";
import { DB_DATA_DIR } from "../topology";
import { rootSql, sqlError } from "./root-sql";

/** The table the check writes its marker row to, in the lab's database (left there to look at). */
export const MARKER_TABLE = "labctl_marker";
/** How long the copy of MariaDB may take to answer SQL (crash recovery, or a fresh init). */
export const START_BUDGET_MS = 180_000;
const POLL_MS = 1_000;
/** The table or the whole database is missing: the copy started on an empty data directory. */
const DATA_GONE = /ERROR (1146|1049)/;

export const persistence: Check<Tp02Outputs> = {
  id: "persistence",
  title: "A row written to MariaDB is seen by a new container made with the same settings",
  points: 3,
  needs: ["sql-auth"],
  deep: true,
  // It stops the database and starts a copy: a retry would do it again.
  once: true,
  timeoutMs: START_BUDGET_MS + 60_000,
  hint: `This check writes a row to ${MARKER_TABLE}, stops the db container, starts a new container with the same settings and reads the row back from it. The row is there only if ${DB_DATA_DIR} is on a volume: see \`docker inspect <db container>\` (Mounts) and \`docker volume ls\`.`,
  run: (ctx) =>
    engineGuard(async () => {
      const { docker, outputs } = ctx;
      if (!docker.withReplica) {
        return error("this Docker probe cannot start containers, so persistence cannot be tested");
      }
      const token = randomUUID();
      const write = await rootSql(
        docker,
        outputs,
        `CREATE TABLE IF NOT EXISTS ${MARKER_TABLE} (id INT PRIMARY KEY, token VARCHAR(64) NOT NULL, written_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP); REPLACE INTO ${MARKER_TABLE} (id, token) VALUES (1, '${token}')`,
      );
      if (!write.ok) {
        return fail(`cannot write the marker row: ${sqlError(write.result.stderr, write.result.exitCode)}`);
      }
      return docker.withReplica(outputs.dbContainer, (replica) => readBack(ctx, replica, token));
    }),
};

/** Polls the copy until it answers SQL, then compares the marker row. */
async function readBack(
  ctx: CheckContext<Tp02Outputs>,
  replica: string,
  token: string,
): Promise<CheckResult> {
  const { docker, outputs, signal } = ctx;
  const original = outputs.dbContainer;
  const copy = { ...outputs, dbContainer: replica };
  const deadline = Date.now() + START_BUDGET_MS;
  let last = "";
  for (;;) {
    try {
      const { ok, rows, result } = await rootSql(
        docker,
        copy,
        `SELECT token FROM ${MARKER_TABLE} WHERE id = 1`,
      );
      if (ok) {
        if (rows[0]?.[0] === token) {
          return pass(
            `the marker row written in ${original} is there in ${replica}, a new container with the same settings`,
          );
        }
        return fail(
          `${replica}, a new container with the same settings as ${original}, holds another marker row`,
        );
      }
      last = sqlError(result.stderr, result.exitCode);
      if (DATA_GONE.test(last)) {
        return fail(
          `${replica}, a new container with the same settings as ${original}, lacks the marker row (${last}): ${DB_DATA_DIR} does not keep its data`,
        );
      }
    } catch (err) {
      last = errorText(err); // not running yet: exec is refused
    }
    const state = (await docker.container(replica))?.state;
    if (state?.status === "exited" || state?.status === "dead") {
      return fail(
        `${replica}, a new container with the same settings as ${original}, stopped (exit code ${state.exitCode})`,
      );
    }
    if (Date.now() >= deadline || signal.aborted) {
      return fail(`${replica} did not answer SQL within ${START_BUDGET_MS / 1000}s: ${last}`);
    }
    await sleep(POLL_MS, undefined, { signal }).catch(() => undefined);
  }
}
