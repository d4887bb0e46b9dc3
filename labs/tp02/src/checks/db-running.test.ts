import { networkError } from "@labctl/testing";
import { dbView, runCheck } from "../test-support/tp02-fixture";
import { dbRunning } from "./db-running";

describe("db-running", () => {
  it("passes when MariaDB runs and is healthy", async () => {
    expect(await runCheck(dbRunning)).toEqual({
      status: "pass",
      message: "db container tp02-alice-db is running and healthy",
    });
  });

  it("fails when the container is missing, stopped or unhealthy", async () => {
    expect(await runCheck(dbRunning, { containers: [] })).toEqual({
      status: "fail",
      message: "db container tp02-alice-db does not exist",
    });
    const exited = dbView({ state: { status: "exited", exitCode: 1 } });
    expect((await runCheck(dbRunning, { containers: [exited] })).message).toBe(
      "db container tp02-alice-db is exited (exit code 1)",
    );
    const starting = dbView({ state: { health: "starting" } });
    expect(await runCheck(dbRunning, { containers: [starting] })).toEqual({
      status: "fail",
      message: "db container tp02-alice-db is running but its healthcheck reports starting",
    });
  });

  it("is an error, not a grade, when the engine cannot be reached", async () => {
    const down = networkError("ENOENT", "connect ENOENT /var/run/docker.sock");
    expect((await runCheck(dbRunning, { dockerError: down })).status).toBe("error");
  });
});
