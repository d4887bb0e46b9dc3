import { mariadbView, runCheck } from "../test-support/tp05-fixture";
import { mariadbRunning } from "./mariadb-running";

describe("mariadb-running", () => {
  it("passes when MariaDB runs and reports healthy", async () => {
    expect(await runCheck(mariadbRunning)).toEqual({
      status: "pass",
      message: "mariadb container tp05-alice-mariadb is running and healthy",
    });
  });

  it("fails naming the state or the health", async () => {
    const exited = mariadbView({ state: { status: "exited", exitCode: 1 } });
    expect(await runCheck(mariadbRunning, { containers: [exited] })).toEqual({
      status: "fail",
      message: "mariadb container tp05-alice-mariadb is exited (exit code 1)",
    });
    const starting = mariadbView({ state: { health: "starting" } });
    expect((await runCheck(mariadbRunning, { containers: [starting] })).message).toBe(
      "mariadb container tp05-alice-mariadb is running but its healthcheck reports starting",
    );
    expect((await runCheck(mariadbRunning, { containers: [] })).message).toBe(
      "mariadb container tp05-alice-mariadb does not exist",
    );
  });

  it("is an error when the engine does not answer", async () => {
    expect((await runCheck(mariadbRunning, { dockerError: new Error("connect ENOENT") })).status).toBe(
      "error",
    );
  });
});
