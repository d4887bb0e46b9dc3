import { networkError } from "@labctl/testing";
import { appImage, appView, OUTPUTS, procStatus, runCheck, runtimeBase } from "../test-support/tp04-fixture";
import { nonRoot } from "./non-root";

const images = (user: string) => ({
  [OUTPUTS.image]: appImage({ user }),
  [OUTPUTS.runtimeImage]: runtimeBase(),
});

describe("non-root", () => {
  it("passes when the image sets a non-root USER and PID 1 runs as it", async () => {
    expect(await runCheck(nonRoot)).toEqual({
      status: "pass",
      message:
        "image tp04-alice-app:1.0.0 sets USER 10001:10001 and PID 1 of tp04-alice-app runs as uid 10001",
    });
  });

  it("fails when the image sets no USER, or USER root", async () => {
    expect(await runCheck(nonRoot, { images: images("") })).toEqual({
      status: "fail",
      message: "image tp04-alice-app:1.0.0 runs as root: it sets no USER",
    });
    expect(await runCheck(nonRoot, { images: images("0:0") })).toEqual({
      status: "fail",
      message: "image tp04-alice-app:1.0.0 runs as root: USER 0:0",
    });
  });

  it("fails when the container runs the process as root anyway (docker run --user 0)", async () => {
    expect(
      await runCheck(nonRoot, { containers: [appView({ user: "0" })], exec: () => procStatus(0) }),
    ).toEqual({
      status: "fail",
      message: "PID 1 of tp04-alice-app runs as root (uid 0): the container overrides USER with 0",
    });
  });

  it("fails when there is no process to look at", async () => {
    const stopped = appView({ state: { status: "exited", exitCode: 0 } });
    expect(await runCheck(nonRoot, { containers: [stopped] })).toEqual({
      status: "fail",
      message: "container tp04-alice-app is exited: no process to look at",
    });
  });

  it("judges by the container's user when the image has no cat to read /proc/1/status", async () => {
    const noCat = () => ({
      exitCode: 127,
      stdout: "",
      stderr: 'exec: "cat": executable file not found in $PATH',
    });
    expect(await runCheck(nonRoot, { exec: noCat })).toEqual({
      status: "pass",
      message:
        "image tp04-alice-app:1.0.0 sets USER 10001:10001 and tp04-alice-app runs as 10001:10001 (no cat in the image to read /proc/1/status)",
    });
    expect(await runCheck(nonRoot, { exec: noCat, containers: [appView({ user: "root" })] })).toEqual({
      status: "fail",
      message: "container tp04-alice-app runs as root: the container overrides USER with root",
    });
  });

  it("is an error when the engine cannot be reached", async () => {
    expect((await runCheck(nonRoot, { dockerError: networkError("ENOENT") })).status).toBe("error");
  });
});
