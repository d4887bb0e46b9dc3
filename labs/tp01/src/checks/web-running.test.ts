import { runCheck, webView } from "../test-support/tp01-fixture";
import { webRunning } from "./web-running";

describe("web-running", () => {
  it("passes when nginx runs with a restart policy", async () => {
    expect(await runCheck(webRunning)).toEqual({
      status: "pass",
      message: "web container tp01-alice-web is running (restart: unless-stopped)",
    });
  });

  it("fails when the container is missing or stopped", async () => {
    expect(await runCheck(webRunning, { containers: [] })).toEqual({
      status: "fail",
      message: "web container tp01-alice-web does not exist",
    });
    const stopped = webView({ state: { status: "exited", exitCode: 137 } });
    expect(await runCheck(webRunning, { containers: [stopped] })).toEqual({
      status: "fail",
      message: "web container tp01-alice-web is exited (exit code 137)",
    });
  });

  it("fails without a restart policy, naming it", async () => {
    for (const restartPolicy of ["no", ""]) {
      expect(await runCheck(webRunning, { containers: [webView({ restartPolicy })] })).toEqual({
        status: "fail",
        message:
          "web container tp01-alice-web runs without a restart policy (restart: no): it will not come back after a reboot",
      });
    }
  });
});
