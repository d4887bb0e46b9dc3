import { type Check, fail, pass } from "@labctl/sdk";
import { checkRunner } from "./check-runner";
import { containerView, type FakeCheckContextOptions } from "./fake-check-context";

type Outputs = { web: string };

const webUp: Check<Outputs> = {
  id: "web-up",
  title: "web runs",
  points: 1,
  hint: "docker ps",
  run: async ({ docker, outputs }) =>
    (await docker.container(outputs.web)) ? pass(`${outputs.web} runs`) : fail(`${outputs.web} is missing`),
};

const healthy = (): FakeCheckContextOptions<Outputs> => ({
  lab: "tp99",
  outputs: { web: "tp99-alice-web" },
  containers: [containerView({ name: "tp99-alice-web" })],
});

describe("checkRunner", () => {
  const runCheck = checkRunner(healthy);

  it("runs the check against the healthy environment", async () => {
    expect(await runCheck(webUp)).toEqual({ status: "pass", message: "tp99-alice-web runs" });
  });

  it("replaces only the tables a test gives", async () => {
    expect(await runCheck(webUp, { containers: [] })).toEqual({
      status: "fail",
      message: "tp99-alice-web is missing",
    });
    expect(await runCheck(webUp, { outputs: { web: "other" } })).toEqual({
      status: "fail",
      message: "other is missing",
    });
  });

  it("builds a fresh environment for every run, so one test's changes do not leak", async () => {
    const spy: Check<Outputs> = {
      ...webUp,
      run: async (ctx) => {
        ctx.outputs.web = "changed";
        return pass("changed");
      },
    };
    await runCheck(spy);
    expect(await runCheck(webUp)).toEqual({ status: "pass", message: "tp99-alice-web runs" });
  });
});
