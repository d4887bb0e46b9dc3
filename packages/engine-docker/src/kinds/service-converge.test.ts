import type Dockerode from "dockerode";
import { convergence, convergeTimings, SERVICE_CONVERGE_BUDGET_MS, waitForService } from "./service-converge";

const service = (replicas: number, update?: string) => ({
  Spec: {
    Mode: { Replicated: { Replicas: replicas } },
    TaskTemplate: { ContainerSpec: { Env: ["A=1"], Image: "web:2" } },
  },
  UpdateStatus: update ? { State: update, Message: "update paused due to failure" } : undefined,
});
const task = (state: string, image = "web:2", extra: Record<string, string> = {}) => ({
  DesiredState: "running",
  Status: { State: state, Timestamp: "2026-01-01T00:00:00Z", ...extra },
  Spec: { ContainerSpec: { Image: image, Env: ["A=1"] } },
});

describe("convergence", () => {
  it("is done when as many tasks run at the current spec as wanted", () => {
    expect(convergence(service(3), [task("running"), task("running"), task("running")]).done).toBe(true);
  });

  it("waits for tasks still at the old spec, a pending one, and a rolling update", () => {
    expect(convergence(service(2), [task("running"), task("running", "web:1")])).toMatchObject({
      running: 1,
      done: false,
    });
    const pending = task("pending", "web:2", {
      Err: "no suitable node (host-mode port already in use on 1 node)",
    });
    expect(convergence(service(1), [task("running"), pending])).toMatchObject({
      done: false,
      lastError: "no suitable node (host-mode port already in use on 1 node)",
    });
    expect(convergence(service(1, "updating"), [task("running")]).done).toBe(false);
    // Just after an update of the env only, before Docker starts rolling: the old task is not it.
    const old = task("running");
    old.Spec.ContainerSpec.Env = ["A=0"];
    expect(convergence(service(1), [old]).done).toBe(false);
    const moved = {
      ...task("running"),
      Spec: { ...task("running").Spec, Placement: { Constraints: ["x"] } },
    };
    expect(convergence(service(1), [moved]).done).toBe(true);
  });

  it("fails at once when an update paused, or rolled back after ours", () => {
    expect(convergence(service(1, "paused"), [task("running")]).failed).toMatch(/paused: update paused/);
    expect(convergence(service(1, "rollback_completed"), [task("running")]).done).toBe(true);
    expect(convergence(service(1, "rollback_completed"), [task("running")], true).failed).toMatch(/rollback/);
  });

  it("reports the newest task error, also of tasks already shut down", () => {
    const old = {
      ...task("failed", "web:2", { Err: "old", Timestamp: "2026-01-01T00:00:00Z" }),
      DesiredState: "shutdown",
    };
    const recent = {
      ...task("rejected", "web:2", { Err: "No such image: web:2", Timestamp: "2026-01-01T00:01:00Z" }),
      DesiredState: "shutdown",
    };
    expect(convergence(service(1), [old, recent]).lastError).toBe("No such image: web:2");
  });
});

/** A Docker client whose service never converges (its one task stays pending). */
function stuckDocker(calls: string[]) {
  return {
    getService: () => ({ inspect: async () => service(1) }),
    listTasks: async (opts: unknown) => {
      calls.push(JSON.stringify(opts));
      return [
        task("pending", "web:2", { Err: "no suitable node (host-mode port already in use on 1 node)" }),
      ];
    },
  } as unknown as Dockerode;
}

describe("waitForService", () => {
  it("gives up after its budget, naming the service and the last task error", async () => {
    const calls: string[] = [];
    const wait = waitForService(
      stuckDocker(calls),
      { id: "s1", name: "tp07-alice-web" },
      { budgetMs: 50, pollMs: 10 },
    );
    await expect(wait).rejects.toMatchObject({
      code: "SERVICE_NOT_CONVERGED",
      message: expect.stringMatching(
        /tp07-alice-web not converged after 0 s: 0\/1 tasks running; last task error: no suitable node \(host-mode port/,
      ),
    });
    expect(calls[0]).toBe(JSON.stringify({ filters: { service: ["s1"] } }));
    expect(calls.length).toBeGreaterThan(1);
  });

  it("stops waiting when the run is cancelled", async () => {
    const controller = new AbortController();
    const wait = waitForService(stuckDocker([]), { id: "s1", name: "web" }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(wait).rejects.toMatchObject({ name: "AbortError" });
  });

  it("uses the program's convergeConfig, else a bounded default", () => {
    expect(convergeTimings(undefined)).toEqual({ budgetMs: SERVICE_CONVERGE_BUDGET_MS, pollMs: 1000 });
    expect(convergeTimings({ timeout: "2m", delay: "500ms" })).toEqual({ budgetMs: 120_000, pollMs: 500 });
  });
});
