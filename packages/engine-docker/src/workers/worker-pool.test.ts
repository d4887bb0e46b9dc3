import { join } from "node:path";
import { resolveHome } from "@labctl/core";
import { WorkerPool } from "./worker-pool";
import type { WorkerOp } from "./worker-protocol";

const entry = join(__dirname, "test-support", "fake-worker.js");
const home = resolveHome({ LABCTL_HOME: "/nonexistent" });
const job = (op: WorkerOp, student: string) => ({
  op,
  home,
  dockerHost: "unix:///var/run/docker.sock",
  labModule: "unused",
  spec: { labId: "tp99", student: { id: student, name: student } } as never,
});

describe("WorkerPool", () => {
  let pool: WorkerPool;
  afterEach(() => pool.close());

  it("runs jobs on at most `size` processes, forwarding events", async () => {
    pool = new WorkerPool(entry, 2);
    const events: string[] = [];
    const results = await Promise.all(
      ["a", "b", "c", "d"].map((s) =>
        pool.run<{ pid: number; student: string }>(job("up", s), {
          onEvent: (e) => events.push(e.kind === "step" ? e.message : ""),
        }),
      ),
    );
    expect(results.map((r) => r.student)).toEqual(["a", "b", "c", "d"]);
    expect(new Set(results.map((r) => r.pid)).size).toBe(2);
    expect(events.sort()).toEqual(["working for a", "working for b", "working for c", "working for d"]);
  });

  it("leaves no listener on the run's signal once jobs are done (a class of 30 warned of a leak)", async () => {
    pool = new WorkerPool(entry, 2);
    const controller = new AbortController();
    const added = jest.spyOn(controller.signal, "addEventListener");
    const removed = jest.spyOn(controller.signal, "removeEventListener");
    await Promise.all(["a", "b", "c"].map((s) => pool.run(job("up", s), { signal: controller.signal })));
    expect(added).toHaveBeenCalledTimes(3);
    // jobs finish in any order: every listener added is removed (compared by identity)
    expect(new Set(removed.mock.calls.map((c) => c[1]))).toEqual(new Set(added.mock.calls.map((c) => c[1])));
  });

  it("a worker that dies fails its own job only, with its last words; the next job gets a new worker", async () => {
    pool = new WorkerPool(entry, 1);
    const crashed = pool.run(job("down", "bob"));
    const next = pool.run<{ student: string }>(job("up", "cid"));
    await expect(crashed).rejects.toMatchObject({
      code: "WORKER_DIED",
      exitCode: 2,
      message: expect.stringContaining("tp99/bob died (exit code 3): fatal: simulated crash"),
    });
    await expect(next).resolves.toMatchObject({ student: "cid" });
  });

  it("cancelling: a running job is asked to stop, a queued one never starts", async () => {
    pool = new WorkerPool(entry, 1);
    const controller = new AbortController();
    const running = pool.run(job("preview", "ann"), { signal: controller.signal });
    const queued = pool.run(job("up", "bob"), { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 200));
    const settled = Promise.allSettled([running, queued]);
    controller.abort();
    const [first, second] = await settled;
    expect(first).toMatchObject({ status: "rejected", reason: { code: "CANCELLED", message: "Cancelled." } });
    expect(second).toMatchObject({ status: "rejected", reason: { message: "Cancelled before it started." } });
  });

  it("refuses work once closed", async () => {
    pool = new WorkerPool(entry, 1);
    await pool.run(job("up", "a"));
    await pool.close();
    await expect(pool.run(job("up", "b"))).rejects.toThrow(/closed/);
  });
});
