import type { ContainerView } from "@labctl/sdk";
import { brokenContainers, brokenReason, ONE_OFF_LABEL, SWARM_TASK_LABEL } from "./broken-container";

const c = (
  state: Partial<ContainerView["state"]>,
  restartPolicy = "unless-stopped",
  labels: Record<string, string> = {},
) =>
  ({
    name: "tp03-alice-mysql",
    restartPolicy,
    labels,
    state: { status: "running", running: true, exitCode: 0, ...state },
  }) as ContainerView;

describe("brokenReason", () => {
  it("says nothing of a running container, healthy or still starting", () => {
    expect(brokenReason(c({}))).toBeUndefined();
    expect(brokenReason(c({ health: "starting" }))).toBeUndefined();
    expect(brokenReason(c({ health: "unhealthy", restartCount: 3 }))).toBeUndefined();
  });

  it("names a service that exited or died, with its exit code and what to do", () => {
    expect(brokenReason(c({ status: "exited", running: false, exitCode: 137 }))).toBe(
      "tp03-alice-mysql is exited (code 137) — waiting cannot fix this: start it again or re-run `labctl up`",
    );
    // `docker stop` of a service usually ends it with 0: its restart policy says it should run.
    expect(brokenReason(c({ status: "exited", running: false, exitCode: 0 }))).toMatch(
      /is exited \(code 0\)/,
    );
    expect(brokenReason(c({ status: "dead", running: false, exitCode: 1 }))).toMatch(/is dead/);
  });

  it("a job (no restart policy, or on-failure) that exited 0 is finished, not broken; non-zero is", () => {
    expect(brokenReason(c({ status: "exited", running: false, exitCode: 0 }, "no"))).toBeUndefined();
    expect(brokenReason(c({ status: "exited", running: false, exitCode: 0 }, ""))).toBeUndefined();
    expect(brokenReason(c({ status: "exited", running: false, exitCode: 0 }, "on-failure"))).toBeUndefined();
    expect(brokenReason(c({ status: "exited", running: false, exitCode: 1 }, "no"))).toMatch(/code 1/);
  });

  it("names a crash loop, a service never started and a paused one", () => {
    expect(brokenReason(c({ status: "restarting", exitCode: 1, restartCount: 1 }))).toBe(
      "tp03-alice-mysql is restarting in a loop (1 restart, last exit code 1) — waiting cannot fix this: read `docker logs tp03-alice-mysql`, fix the cause, then re-run `labctl up`",
    );
    expect(brokenReason(c({ status: "created", running: false }))).toMatch(/created but never started/);
    expect(brokenReason(c({ status: "created", running: false }, "no"))).toBeUndefined();
    expect(brokenReason(c({ status: "paused" }))).toMatch(/is paused .*docker unpause tp03-alice-mysql/);
  });

  it("leaves out one-off check containers", () => {
    const oneOff = c({ status: "exited", running: false, exitCode: 3 }, "no", { [ONE_OFF_LABEL]: "true" });
    expect(brokenContainers([oneOff, c({})])).toEqual([]);
  });

  it("leaves out Swarm task containers (the swarm replaces an exited task), not the others", () => {
    const exited = { status: "exited" as const, running: false, exitCode: 137 };
    const task = c(exited, "no", { [SWARM_TASK_LABEL]: "x1y2" });
    expect(brokenContainers([task])).toEqual([]);
    expect(brokenContainers([c(exited, "no")])).toHaveLength(1);
  });
});
