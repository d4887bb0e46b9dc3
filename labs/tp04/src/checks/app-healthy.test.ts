import { networkError } from "@labctl/testing";
import { appView, runCheck } from "../test-support/tp04-fixture";
import { appHealthy } from "./app-healthy";

describe("app-healthy", () => {
  it("passes when the container runs and its healthcheck says healthy", async () => {
    expect(await runCheck(appHealthy)).toEqual({
      status: "pass",
      message: "container tp04-alice-app is running and healthy",
    });
  });

  it("fails when the container is missing or stopped", async () => {
    expect(await runCheck(appHealthy, { containers: [] })).toEqual({
      status: "fail",
      message: "container tp04-alice-app does not exist",
    });
    const exited = appView({ state: { status: "exited", exitCode: 137 } });
    expect(await runCheck(appHealthy, { containers: [exited] })).toEqual({
      status: "fail",
      message: "container tp04-alice-app is exited (exit code 137)",
    });
  });

  it("fails when the image declares no HEALTHCHECK, or the check reports unhealthy", async () => {
    const none = appView({ state: { health: undefined } });
    expect(await runCheck(appHealthy, { containers: [none] })).toEqual({
      status: "fail",
      message: "container tp04-alice-app has no healthcheck: the image declares no HEALTHCHECK",
    });
    const unhealthy = appView({ state: { health: "unhealthy" } });
    expect(await runCheck(appHealthy, { containers: [unhealthy] })).toEqual({
      status: "fail",
      message: "container tp04-alice-app is running but its healthcheck reports unhealthy",
    });
  });

  it("is an error, not a grade, when the engine cannot be reached", async () => {
    const down = networkError("ENOENT", "connect ENOENT /var/run/docker.sock");
    expect((await runCheck(appHealthy, { dockerError: down })).status).toBe("error");
  });
});
