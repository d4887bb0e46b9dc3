import {
  DB_ADDRESS,
  DB_IMAGE,
  dbService,
  dbTask,
  isolatedNetworks,
  OUTPUTS,
  runCheck,
} from "../test-support/checks-fixture";
import { dbIsolated } from "./db-isolated";

describe("db-isolated", () => {
  it("passes when front cannot resolve db nor reach its address, and back connects", async () => {
    const probe = isolatedNetworks();
    expect(await runCheck(dbIsolated, { run: probe.run })).toEqual({
      status: "pass",
      message:
        "from a container on tp07-alice-front, tp07-alice-db:3306 does not resolve, 10.0.3.4:3306 timed out; from tp07-alice-back, tp07-alice-db:3306 connects",
    });
    // The control first, on back; then front: db's image, the environment's labels, bounded.
    expect(probe.calls.map((c) => [c.image, c.opts.network, c.opts.cmd?.slice(4)])).toEqual([
      [DB_IMAGE, OUTPUTS.networks.back, ["tp07-alice-db:3306"]],
      [DB_IMAGE, OUTPUTS.networks.front, ["tp07-alice-db:3306", `${DB_ADDRESS}:3306`]],
    ]);
    expect(probe.calls[0]?.opts.labels).toMatchObject({ "dev.labctl.student": "alice" });
    expect(probe.calls[1]?.opts.timeoutMs).toBe(21_000);
  });

  it("fails when db is attached to front too: the name resolves and connects", async () => {
    const onFront = isolatedNetworks((network, target) =>
      network === OUTPUTS.networks.back || !target.startsWith(DB_ADDRESS) ? "connected" : "timed out",
    );
    expect(await runCheck(dbIsolated, { run: onFront.run })).toEqual({
      status: "fail",
      message:
        "from a container on tp07-alice-front, tp07-alice-db:3306 connects: db must not be reachable from tp07-alice-front",
    });
  });

  it("fails on a refusal from front: something answers on that path", async () => {
    const refused = isolatedNetworks((network, target) =>
      network === OUTPUTS.networks.back
        ? "connected"
        : target.startsWith(DB_ADDRESS)
          ? "refused"
          : "unresolved",
    );
    expect((await runCheck(dbIsolated, { run: refused.run })).message).toBe(
      "from a container on tp07-alice-front, 10.0.3.4:3306 refused: db must not be reachable from tp07-alice-front",
    );
  });

  it("counts a connect nothing answers as cut off, but not as the positive control", async () => {
    // Some networks accept any TCP connect on the way: only MariaDB's greeting proves db answered.
    const silentFront = isolatedNetworks((network) =>
      network === OUTPUTS.networks.back ? "connected" : "silent",
    );
    expect((await runCheck(dbIsolated, { run: silentFront.run })).status).toBe("pass");
    const silentBack = isolatedNetworks((network) =>
      network === OUTPUTS.networks.back ? "silent" : "timed out",
    );
    expect((await runCheck(dbIsolated, { run: silentBack.run })).message).toBe(
      "the positive control failed: from a container on tp07-alice-back, tp07-alice-db:3306 connects to nothing that answers, so db's isolation cannot be shown",
    );
  });

  it("fails when the positive control cannot connect from back", async () => {
    const nothing = isolatedNetworks((network) =>
      network === OUTPUTS.networks.back ? "refused" : "unresolved",
    );
    expect((await runCheck(dbIsolated, { run: nothing.run })).message).toBe(
      "the positive control failed: from a container on tp07-alice-back, tp07-alice-db:3306 refused, so db's isolation cannot be shown",
    );
  });

  it("is an error when the probe container cannot run (no bash), or the probe cannot run containers", async () => {
    const noBash = () => ({
      exitCode: 127,
      logs: 'exec: "bash": executable file not found in $PATH',
      timedOut: false,
    });
    expect(await runCheck(dbIsolated, { run: noBash })).toEqual({
      status: "error",
      message: `a probe container (${DB_IMAGE}) on tp07-alice-back could not test the connection: it exited with code 127: exec: "bash": executable file not found in $PATH`,
    });
    expect((await runCheck(dbIsolated, { run: undefined })).status).toBe("error");
  });

  it("fails when db has no running task", async () => {
    const pending = dbTask(dbService(), { state: "pending", containerId: undefined });
    expect((await runCheck(dbIsolated, { tasks: { [OUTPUTS.services.db]: [pending] } })).message).toBe(
      "tp07-alice-db has no running task: its latest task is pending",
    );
  });
});
