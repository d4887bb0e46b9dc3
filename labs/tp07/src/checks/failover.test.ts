import { fakeCheckContext } from "@labctl/testing";
import { healthyEnv, runCheck } from "../test-support/checks-fixture";
import { FakeWebSwarm } from "../test-support/fake-web-swarm";
import { FAILOVER, failover } from "./failover";
import { rollingUpdate } from "./rolling-update";
import { TRAFFIC } from "./traffic";

const saved = { ...TRAFFIC, ...FAILOVER };
beforeAll(() => Object.assign(TRAFFIC, { gapMs: 1, pollMs: 2 }));
afterEach(() => Object.assign(FAILOVER, { graceMs: saved.graceMs, timeoutMs: saved.timeoutMs }));
afterAll(() => Object.assign(TRAFFIC, { gapMs: saved.gapMs, pollMs: saved.pollMs }));

describe("failover", () => {
  it("passes when the killed task is replaced in its slot and the ingress keeps answering", async () => {
    const swarm = new FakeWebSwarm();
    const result = await runCheck(failover, swarm.options());
    expect(result.status).toBe("pass");
    expect(result.message).toMatch(
      /^killed the container of web's task in slot 1; Swarm replaced it \(task webtask1-10\) and web ran 3 tasks again \d+\.\d s after the kill; the ingress answered (\d+) of \1 requests, none failed$/,
    );
    expect(swarm.killed).toEqual([`c0ffee000001${"0".repeat(52)}`]);
  });

  it("tolerates failures right after the kill, and says so", async () => {
    const swarm = new FakeWebSwarm();
    swarm.failAfterKill = 2;
    const result = await runCheck(failover, swarm.options());
    expect(result.status).toBe("pass");
    expect(result.message).toMatch(/\(2 failed within 6\.0 s of the kill: HTTP 502 ×2\)$/);
  });

  it("fails when the ingress failed before the kill", async () => {
    const swarm = new FakeWebSwarm();
    swarm.failing = new Set([1]);
    expect((await runCheck(failover, swarm.options())).message).toBe(
      "1 request through the ingress failed before the kill (HTTP 502 ×1): the ingress was not answering reliably to begin with",
    );
  });

  it("fails when requests still fail after the grace period", async () => {
    FAILOVER.graceMs = 20;
    const swarm = new FakeWebSwarm();
    swarm.proxyFollowsDeadTask = true;
    swarm.replaceAfterMs = 80;
    const result = await runCheck(failover, swarm.options());
    expect(result.status).toBe("fail");
    expect(result.message).toMatch(
      /^\d+ requests through the ingress failed more than 0\.0 s after the kill \(HTTP 502 ×\d+\): the proxy kept sending requests to the dead task$/,
    );
  });

  it("fails, bounded, when Swarm does not replace the task", async () => {
    FAILOVER.timeoutMs = 40;
    const swarm = new FakeWebSwarm();
    swarm.replaceAfterMs = 60_000;
    const result = await runCheck(failover, swarm.options());
    expect(result.message).toBe(
      "Swarm did not bring web back to 3 tasks within 0.0 s of the kill: 2/3 tasks of tp07-alice-web run its current spec: last failure: task: non-zero exit (137)",
    );
  });

  it("fails when web is not converged to begin with; is an error without the deep probe", async () => {
    const swarm = new FakeWebSwarm();
    swarm.web.replicas = 0;
    expect((await runCheck(failover, swarm.options())).message).toBe(
      "web is not converged before the failover test: service tp07-alice-web asks for 0 replicas, not 3",
    );
    expect((await runCheck(failover)).status).toBe("error");
  });

  it("kills only a task of this node: none here is an error, not a grade", async () => {
    const swarm = new FakeWebSwarm();
    swarm.tasks = swarm.tasks.map((t) => ({ ...t, nodeId: "node2" }));
    expect(await runCheck(failover, swarm.options())).toEqual({
      status: "error",
      message:
        "no task of tp07-alice-web runs on this node (node1): the check can only kill a container of this engine",
    });
    expect(swarm.killed).toEqual([]);
  });
});

describe("the deep checks, together", () => {
  it("run one at a time, and one given up while it waits does not start", async () => {
    const swarm = new FakeWebSwarm();
    const stopped = new AbortController();
    stopped.abort();
    const options = swarm.options();
    const first = rollingUpdate.run(fakeCheckContext({ ...healthyEnv(), ...options }));
    const late = failover.run({
      ...fakeCheckContext({ ...healthyEnv(), ...options }),
      signal: stopped.signal,
    });
    expect(await late).toEqual({
      status: "error",
      message: "verify was stopped before this check could start",
    });
    expect((await first).status).toBe("pass");
    expect(swarm.killed).toEqual([]);
  });
});
