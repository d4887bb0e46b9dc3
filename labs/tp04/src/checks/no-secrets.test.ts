import { appImage, OUTPUTS, runCheck, runtimeBase } from "../test-support/tp04-fixture";
import { noSecrets } from "./no-secrets";

const leaky = (over: Parameters<typeof appImage>[0]) => ({
  [OUTPUTS.image]: appImage(over),
  [OUTPUTS.runtimeImage]: runtimeBase(),
});

describe("no-secrets", () => {
  it("passes when neither the environment nor the history holds a credential", async () => {
    expect(await runCheck(noSecrets)).toEqual({
      status: "pass",
      message: "no credential in the environment or the 9 history steps of tp04-alice-app:1.0.0",
    });
  });

  it("fails on the generated token passed as a build argument, without printing it", async () => {
    const step = {
      createdBy: `|1 BUILD_NOTE=${OUTPUTS.appToken} /bin/sh -c echo "$BUILD_NOTE" > /dev/null`,
      size: 0,
    };
    const result = await runCheck(noSecrets, { images: leaky({ history: [step, ...appImage().history] }) });
    expect(result).toEqual({
      status: "fail",
      message: "image tp04-alice-app:1.0.0 leaks secrets: the generated appToken is in 1 history step(s)",
    });
    expect(result.message).not.toContain(OUTPUTS.appToken);
  });

  it("fails on a credential hard-coded with ENV, naming the variable only", async () => {
    const env = ["PATH=/usr/bin", "DB_PASSWORD=hunter2-hunter2"];
    const history = [
      { createdBy: "/bin/sh -c #(nop)  ENV DB_PASSWORD=hunter2-hunter2", size: 0 },
      ...appImage().history,
    ];
    const result = await runCheck(noSecrets, { images: leaky({ env, history }) });
    expect(result).toEqual({
      status: "fail",
      message:
        "image tp04-alice-app:1.0.0 leaks secrets: ENV DB_PASSWORD is set in the image; history step 10 (ENV) records DB_PASSWORD=…",
    });
    expect(result.message).not.toContain("hunter2");
  });

  it("fails without the image", async () => {
    expect(await runCheck(noSecrets, { images: {} })).toEqual({
      status: "fail",
      message: "image tp04-alice-app:1.0.0 does not exist",
    });
  });
});
