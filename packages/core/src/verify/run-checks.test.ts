import { type Check, type CheckContext, error, fail, pass } from "@labctl/sdk";
import { runChecks } from "./run-checks";

const ctx = {
  lab: "tp99",
  studentId: "alice",
  outputs: {},
  name: (r: string) => r,
  labels: {},
} as unknown as Omit<CheckContext, "signal">;
const fast = { retryIntervalMs: 5, checkTimeoutMs: 200, totalTimeoutMs: 2_000 };

function check(id: string, run: Check["run"], extra: Partial<Check> = {}): Check {
  return { id, title: `title ${id}`, points: 1, hint: `hint ${id}`, run, ...extra };
}

describe("runChecks", () => {
  it("retries a check until it becomes ready", async () => {
    let calls = 0;
    const [outcome] = await runChecks(
      [check("slow", async () => (++calls < 3 ? error("starting") : pass("up")))],
      ctx,
      fast,
    );
    expect(outcome).toMatchObject({ status: "pass", message: "up", attempts: 3, earned: 1 });
  });

  it("runs a check marked once a single time, even when it fails", async () => {
    const run = jest.fn(async () => fail("marker gone"));
    const [outcome] = await runChecks([check("mutates", run, { once: true })], ctx, fast);
    expect(outcome).toMatchObject({ status: "fail", message: "marker gone", attempts: 1 });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("keeps the last result when the readiness window closes", async () => {
    const [outcome] = await runChecks([check("never", async () => fail("still 502"))], ctx, fast);
    expect(outcome?.status).toBe("fail");
    expect(outcome?.message).toBe("still 502");
    expect(outcome?.attempts).toBeGreaterThan(1);
    expect(outcome?.earned).toBe(0);
  });

  it("starts no retry it would have to cut off: the last result is an answer, not a time-out", async () => {
    // Attempts of 30 ms every 100 ms in a 1 s window start at 0, 130, ... 780 ms; one more at
    // 910 ms would have 90 ms, less than an interval, and a slow probe would be cut off there.
    const starts: number[] = [];
    const t0 = Date.now();
    const slowFail = async () => {
      starts.push(Date.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 30));
      return fail("still 502");
    };
    const timing = { retryIntervalMs: 100, checkTimeoutMs: 1_000 };
    const [outcome] = await runChecks([check("slow-fail", slowFail)], ctx, timing);
    expect(outcome).toMatchObject({ status: "fail", message: "still 502" });
    expect(Math.max(...starts)).toBeLessThanOrEqual(900);
  });

  it("skips dependants of a check that did not pass, without running them", async () => {
    const dependant = jest.fn(async () => pass("never"));
    const outcomes = await runChecks(
      [
        check("db", async () => fail("db down")),
        check("app", dependant, { needs: ["db"] }),
        check("other", async () => pass("fine")),
      ],
      ctx,
      fast,
    );
    expect(outcomes.map((o) => [o.id, o.status])).toEqual([
      ["db", "fail"],
      ["app", "skipped"],
      ["other", "pass"],
    ]);
    expect(outcomes[1]?.message).toBe("skipped: needs db (fail)");
    expect(dependant).not.toHaveBeenCalled();
  });

  it("turns a throw into error and a hang into error at the deadline", async () => {
    const outcomes = await runChecks(
      [
        check("boom", async () => Promise.reject(new Error("socket hang up"))),
        check("hang", () => new Promise(() => undefined)),
      ],
      ctx,
      { ...fast, checkTimeoutMs: 100 },
    );
    expect(outcomes[0]).toMatchObject({ status: "error", message: "check crashed: socket hang up" });
    expect(outcomes[1]).toMatchObject({
      status: "error",
      message: expect.stringMatching(/^no answer within/),
    });
  });

  it("runs independent checks in parallel", async () => {
    const started = Date.now();
    const wait = async () => {
      await new Promise((r) => setTimeout(r, 150));
      return pass("ok");
    };
    await runChecks([check("a", wait), check("b", wait), check("c", wait)], ctx, fast);
    expect(Date.now() - started).toBeLessThan(400);
  });

  it("runs deep checks only when asked", async () => {
    const checks = [
      check("quick", async () => pass("ok")),
      check("deep", async () => pass("ok"), { deep: true }),
    ];
    expect((await runChecks(checks, ctx, fast)).map((o) => o.id)).toEqual(["quick"]);
    expect((await runChecks(checks, ctx, { ...fast, deep: true })).map((o) => o.id)).toEqual([
      "quick",
      "deep",
    ]);
  });

  it("stops retrying when aborted", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const [outcome] = await runChecks([check("x", async () => error("not yet"))], ctx, {
      ...fast,
      checkTimeoutMs: 5_000,
      signal: controller.signal,
    });
    expect(outcome?.status).toBe("error");
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
