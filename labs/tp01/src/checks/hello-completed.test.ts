import { helloView, OUTPUTS, runCheck } from "../test-support/tp01-fixture";
import { helloCompleted } from "./hello-completed";

describe("hello-completed", () => {
  it("passes when hello-world exited 0 and its logs hold the greeting", async () => {
    expect(await runCheck(helloCompleted)).toEqual({
      status: "pass",
      message: 'hello container tp01-alice-hello exited 0 and printed "Hello from Docker!"',
    });
  });

  it("fails when the container is missing, not finished or exited with an error", async () => {
    expect(await runCheck(helloCompleted, { containers: [] })).toEqual({
      status: "fail",
      message: "hello container tp01-alice-hello does not exist",
    });
    for (const status of ["created", "running"]) {
      expect(
        (await runCheck(helloCompleted, { containers: [helloView({ state: { status } })] })).message,
      ).toBe(`hello container tp01-alice-hello has not finished (${status})`);
    }
    const crashed = helloView({ state: { status: "exited", exitCode: 3 } });
    expect(await runCheck(helloCompleted, { containers: [crashed] })).toEqual({
      status: "fail",
      message: "hello container tp01-alice-hello exited with code 3",
    });
  });

  it("fails when the greeting is not in its logs, quoting the last line", async () => {
    const logs = { [OUTPUTS.helloContainer]: "oops\nsomething else\n" };
    expect(await runCheck(helloCompleted, { logs })).toEqual({
      status: "fail",
      message:
        'hello container tp01-alice-hello exited 0 without printing "Hello from Docker!"; its last line is "something else"',
    });
    expect((await runCheck(helloCompleted, { logs: {} })).message).toBe(
      'hello container tp01-alice-hello exited 0 without printing "Hello from Docker!": its logs are empty',
    );
  });
});
