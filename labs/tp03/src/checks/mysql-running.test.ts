import { networkError } from "@labctl/testing";
import { mysqlView, runCheck } from "../test-support/tp03-fixture";
import { mysqlRunning } from "./mysql-running";

describe("mysql-running", () => {
  it("passes when MySQL runs and is healthy", async () => {
    expect(await runCheck(mysqlRunning)).toEqual({
      status: "pass",
      message: "mysql container tp03-alice-mysql is running and healthy",
    });
  });

  it("fails when the container is missing, stopped or unhealthy", async () => {
    expect(await runCheck(mysqlRunning, { containers: [] })).toEqual({
      status: "fail",
      message: "mysql container tp03-alice-mysql does not exist",
    });
    const exited = mysqlView({ state: { status: "exited", exitCode: 1 } });
    expect(await runCheck(mysqlRunning, { containers: [exited] })).toEqual({
      status: "fail",
      message: "mysql container tp03-alice-mysql is exited (exit code 1)",
    });
    const unhealthy = mysqlView({ state: { health: "unhealthy" } });
    expect(await runCheck(mysqlRunning, { containers: [unhealthy] })).toMatchObject({
      status: "fail",
      message: expect.stringContaining("healthcheck reports unhealthy"),
    });
  });

  it("is an error, not a grade, when the engine cannot be reached", async () => {
    const down = networkError("ENOENT", "connect ENOENT /var/run/docker.sock");
    expect(await runCheck(mysqlRunning, { dockerError: down })).toEqual({
      status: "error",
      message: "could not query the Docker engine: connect ENOENT /var/run/docker.sock",
    });
  });
});
