import type { RunOptions } from "@labctl/sdk";
import { appImage, OUTPUTS, runCheck, runtimeBase } from "../test-support/tp04-fixture";
import { cmdOverridable } from "./cmd-overridable";

const withImage = (over: Parameters<typeof appImage>[0]) => ({
  [OUTPUTS.image]: appImage(over),
  [OUTPUTS.runtimeImage]: runtimeBase(),
});

describe("cmd-overridable", () => {
  it("passes when a one-off run with CMD version prints the version through the ENTRYPOINT", async () => {
    const runs: [string, RunOptions][] = [];
    const result = await runCheck(cmdOverridable, {
      run: (image, opts) => {
        runs.push([image, opts]);
        return { exitCode: 0, logs: "labapp 1.0.0\n", timedOut: false };
      },
    });
    expect(result).toEqual({
      status: "pass",
      message:
        'ENTRYPOINT ["labapp"] stays and docker run tp04-alice-app:1.0.0 version prints "labapp 1.0.0" instead of the default CMD ["serve","--port","8080"]',
    });
    expect(runs).toEqual([
      [
        OUTPUTS.image,
        {
          cmd: ["version"],
          labels: expect.objectContaining({ "dev.labctl.lab": "tp04" }),
          timeoutMs: 10_000,
        },
      ],
    ]);
  });

  it("fails without an ENTRYPOINT, before running anything", async () => {
    const run = jest.fn();
    expect(await runCheck(cmdOverridable, { images: withImage({ entrypoint: [] }), run })).toEqual({
      status: "fail",
      message:
        "image tp04-alice-app:1.0.0 has no ENTRYPOINT: `docker run tp04-alice-app:1.0.0 version` would look for a program named version",
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("fails when a shell-form ENTRYPOINT ignores the new CMD and serves instead", async () => {
    const shell = withImage({ entrypoint: ["/bin/sh", "-c", "labapp serve --port 8080"] });
    const serving = () => ({ exitCode: 137, logs: "labapp 1.0.0 listening on :8080\n", timedOut: true });
    expect(await runCheck(cmdOverridable, { images: shell, run: serving })).toEqual({
      status: "fail",
      message:
        'docker run tp04-alice-app:1.0.0 version was still running after 10 s: ENTRYPOINT ["/bin/sh","-c","labapp serve --port 8080"] (shell form) ignores the new CMD',
    });
  });

  it("fails when the run exits non-zero or prints something else", async () => {
    const notFound = () => ({
      exitCode: 127,
      logs: 'exec: "version": executable file not found in $PATH',
      timedOut: false,
    });
    expect(await runCheck(cmdOverridable, { run: notFound })).toEqual({
      status: "fail",
      message:
        'docker run tp04-alice-app:1.0.0 version exited with code 127: exec: "version": executable file not found in $PATH',
    });
    const other = () => ({ exitCode: 0, logs: "hello\n", timedOut: false });
    expect((await runCheck(cmdOverridable, { run: other })).message).toBe(
      'docker run tp04-alice-app:1.0.0 version printed "hello", not "labapp 1.0.0"',
    );
  });

  it("is an error when the probe cannot run containers, and runs once", async () => {
    expect(await runCheck(cmdOverridable, { run: undefined })).toEqual({
      status: "error",
      message: "this Docker probe cannot run a one-off container",
    });
    expect(cmdOverridable.once).toBe(true);
  });
});
