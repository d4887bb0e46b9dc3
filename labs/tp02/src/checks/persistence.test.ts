import type { ExecResult } from "@labctl/sdk";
import { fakeCheckContext } from "@labctl/testing";
import { dbView, FakeMariadb, healthyEnv, OUTPUTS, REPLICA, runCheck } from "../test-support/tp02-fixture";
import { persistence } from "./persistence";

describe("persistence", () => {
  it("is a deep check that runs once", () => {
    expect(persistence).toMatchObject({ deep: true, once: true, needs: ["sql-auth"] });
  });

  it("passes when a copy of the container reads the marker row back", async () => {
    const db = new FakeMariadb(true);
    expect(await persistence.run(fakeCheckContext(healthyEnv(db)))).toEqual({
      status: "pass",
      message:
        "the marker row written in tp02-alice-db is there in tp02-alice-db-replica, a new container with the same settings",
    });
    expect(db.replicas).toBe(1);
    expect(db.marker).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("fails when the copy does not see the data, naming the data directory", async () => {
    const db = new FakeMariadb(false);
    expect(await persistence.run(fakeCheckContext(healthyEnv(db)))).toEqual({
      status: "fail",
      message:
        "tp02-alice-db-replica, a new container with the same settings as tp02-alice-db, lacks the marker row (ERROR 1146 (42S02): Table 'tp02.labctl_marker' doesn't exist): /var/lib/mysql does not keep its data",
    });
    expect(db.replicas).toBe(1);
  });

  it("fails without touching the container when the marker cannot be written", async () => {
    const db = new FakeMariadb(true);
    const ctx = fakeCheckContext({ ...healthyEnv(db), outputs: { ...OUTPUTS, rootPassword: "stale" } });
    expect((await persistence.run(ctx)).message).toBe(
      "cannot write the marker row: ERROR 1045 (28000): Access denied for user 'root'@'127.0.0.1' (using password: YES)",
    );
    expect(db.replicas).toBe(0);
  });

  it("fails when the copy stops, or never answers", async () => {
    const db = new FakeMariadb(true);
    const exec = (container: string, cmd: string[], opts?: { env?: string[] }): ExecResult => {
      if (container === REPLICA) throw new Error(`container ${REPLICA} is not running`);
      return db.exec(container, cmd, opts);
    };
    const exited = dbView({ name: REPLICA, state: { status: "exited", exitCode: 1 } });
    const stopped = fakeCheckContext({ ...healthyEnv(db), exec, containers: [dbView(), exited] });
    expect((await persistence.run(stopped)).message).toBe(
      "tp02-alice-db-replica, a new container with the same settings as tp02-alice-db, stopped (exit code 1)",
    );
    const silent = fakeCheckContext({ ...healthyEnv(db), exec });
    expect(await persistence.run({ ...silent, signal: AbortSignal.abort() })).toEqual({
      status: "fail",
      message:
        "tp02-alice-db-replica did not answer SQL within 180s: container tp02-alice-db-replica is not running",
    });
  });

  it("is an error when the probe cannot start containers", async () => {
    expect(await runCheck(persistence, { withReplica: undefined })).toEqual({
      status: "error",
      message: "this Docker probe cannot start containers, so persistence cannot be tested",
    });
  });
});
