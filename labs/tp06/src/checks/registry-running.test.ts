import { registryView, runCheck } from "../test-support/tp06-fixture";
import { registryRunning } from "./registry-running";

describe("registry-running", () => {
  it("passes when the registry container runs", async () => {
    expect(await runCheck(registryRunning)).toEqual({
      status: "pass",
      message: "registry container tp06-alice-registry is running",
    });
  });

  it("fails naming the state, or the missing container", async () => {
    const exited = registryView({ state: { status: "exited", exitCode: 1 } });
    expect(await runCheck(registryRunning, { containers: [exited] })).toEqual({
      status: "fail",
      message: "registry container tp06-alice-registry is exited (exit code 1)",
    });
    expect((await runCheck(registryRunning, { containers: [] })).message).toBe(
      "registry container tp06-alice-registry does not exist",
    );
  });

  it("is an error when the engine does not answer", async () => {
    const result = await runCheck(registryRunning, {
      dockerError: new Error("connect ENOENT /var/run/docker.sock"),
    });
    expect(result).toEqual({
      status: "error",
      message: "could not query the Docker engine: connect ENOENT /var/run/docker.sock",
    });
  });
});
