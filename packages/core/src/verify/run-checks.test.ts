import { setTimeout as sleep } from "node:timers/promises";
import { ONE_OFF_LABEL } from "@labctl/docker";
import {
  type Check,
  type CheckContext,
  type CheckResult,
  type ContainerView,
  type DockerProbe,
  error,
  fail,
  LABEL,
  pass,
} from "@labctl/sdk";
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

  it("starts no retry shorter than the last attempt took: a slow failing probe keeps its answer", async () => {
    // Attempts of 400 ms, 20 ms apart, in a 1 s window: a third would start at 840 ms and be cut
    // off at 1 s, its "no answer" replacing the probe's real verdict.
    const slowFail = async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return fail("db reached from front");
    };
    const timing = { retryIntervalMs: 20, checkTimeoutMs: 1_000 };
    const [outcome] = await runChecks([check("slow-probe", slowFail)], ctx, timing);
    expect(outcome).toMatchObject({ status: "fail", message: "db reached from front", attempts: 2 });
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

/** A probe over a table of containers, counting what the triage asks. */
function probe(containers: ContainerView[], engine: { down?: Error; hang?: boolean } = {}) {
  const calls = { version: 0, list: [] as Record<string, string>[] };
  const docker = {
    version: async () => {
      calls.version++;
      if (engine.hang) return new Promise<never>(() => undefined);
      if (engine.down) throw engine.down;
      return { version: "27.0", apiVersion: "1.45" };
    },
    containersWithLabels: async (labels: Record<string, string>) => {
      calls.list.push(labels);
      return containers.filter((c) => Object.entries(labels).every(([k, v]) => c.labels[k] === v));
    },
  } as unknown as DockerProbe;
  return { docker, calls };
}

const envLabels = {
  [LABEL.lab]: "tp03",
  [LABEL.student]: "alice",
  [LABEL.class]: "default",
  [LABEL.version]: "0.1.0",
};

function container(name: string, state: Partial<ContainerView["state"]>, restartPolicy = "unless-stopped") {
  return {
    name,
    restartPolicy,
    labels: { ...envLabels },
    state: { status: "running", running: true, exitCode: 0, ...state },
  } as unknown as ContainerView;
}

const withDocker = (docker: DockerProbe) => ({ ...ctx, labels: envLabels, docker });
/** The real readiness window: a check that waited it out would take a minute. */
const real = { retryIntervalMs: 20 };

describe("runChecks triage", () => {
  it("a stopped container ends a failing check at once, naming it, instead of waiting the window out", async () => {
    const { docker } = probe([
      container("tp03-alice-mysql", { status: "exited", running: false, exitCode: 137 }),
      container("tp03-alice-ghost", {}),
    ]);
    const started = Date.now();
    const outcomes = await runChecks(
      [
        check("ghost-db", async () => fail("Ghost cannot log in to MySQL: check the MYSQL_* variables")),
        check("ghost-up", async () => pass("running")),
      ],
      withDocker(docker),
      real,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(outcomes[0]).toMatchObject({
      status: "fail",
      attempts: 1,
      message:
        "Ghost cannot log in to MySQL: check the MYSQL_* variables; cause: tp03-alice-mysql is exited (code 137) — waiting cannot fix this: start it again or re-run `labctl up`",
    });
    expect(outcomes[1]).toMatchObject({ status: "pass", message: "running" });
  });

  it("a check whose own message names the broken container stops at once without repeating it", async () => {
    const { docker } = probe([
      container("tp01-alice-hello", { status: "exited", running: false, exitCode: 3 }),
    ]);
    const started = Date.now();
    const [outcome] = await runChecks(
      [check("hello", async () => fail("hello container tp01-alice-hello exited with code 3"))],
      withDocker(docker),
      real,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(outcome).toMatchObject({
      status: "fail",
      attempts: 1,
      message: "hello container tp01-alice-hello exited with code 3",
    });
  });

  it("a crash loop does too, and an error becomes a fail (the environment is broken)", async () => {
    const { docker } = probe([
      container("tp03-alice-ghost", { status: "restarting", running: true, exitCode: 2, restartCount: 5 }),
    ]);
    const started = Date.now();
    const [outcome] = await runChecks(
      [check("ghost-http", async () => error("connect ECONNREFUSED 127.0.0.1:2368"))],
      withDocker(docker),
      real,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(outcome?.status).toBe("fail");
    expect(outcome?.message).toContain(
      "cause: tp03-alice-ghost is restarting in a loop (5 restarts, last exit code 2) — waiting cannot fix this",
    );
  });

  it("an engine gone ends every running check error at once, even one hanging mid-attempt", async () => {
    const down = Object.assign(new Error("connect ENOENT /var/run/docker.sock"), { code: "ENOENT" });
    const { docker } = probe([], { down });
    const started = Date.now();
    const outcomes = await runChecks(
      [
        check("web", async () => error("could not query the Docker engine: ENOENT")),
        check("page", async () => fail("no marker")),
        check("hangs", () => new Promise(() => undefined)),
        check("later", async () => pass("never"), { needs: ["web"] }),
      ],
      withDocker(docker),
      real,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(outcomes.map((o) => [o.id, o.status, o.engineUnreachable])).toEqual([
      ["web", "error", true],
      ["page", "error", true],
      ["hangs", "error", true],
      ["later", "skipped", undefined],
    ]);
    expect(outcomes[0]?.message).toBe("Docker engine unreachable: connect ENOENT /var/run/docker.sock");
  });

  it("an engine that never answers counts as gone after the probe's time-out", async () => {
    const { docker } = probe([], { hang: true });
    const started = Date.now();
    const [outcome] = await runChecks(
      [check("web", async () => error("socket hang up"))],
      withDocker(docker),
      {
        ...real,
        engineProbeTimeoutMs: 300,
      },
    );
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(outcome).toMatchObject({
      status: "error",
      message: "Docker engine unreachable: no answer within 300 ms",
    });
  });

  it("a slow-starting container (running, not answering yet) is still waited for", async () => {
    const { docker } = probe([container("tp03-alice-mysql", { health: "starting" })]);
    let calls = 0;
    const [outcome] = await runChecks(
      [check("db", async () => (++calls < 4 ? error("ECONNREFUSED") : pass("answers")))],
      withDocker(docker),
      { ...real, triageCacheMs: 0 },
    );
    expect(outcome).toMatchObject({ status: "pass", attempts: 4 });
  });

  it("a job that finished is not broken: the check is retried as before", async () => {
    const { docker } = probe([container("tp01-alice-hello", { status: "exited", running: false }, "no")]);
    const [outcome] = await runChecks([check("web", async () => fail("502"))], withDocker(docker), fast);
    expect(outcome?.status).toBe("fail");
    expect(outcome?.message).toBe("502");
    expect(outcome?.attempts).toBeGreaterThan(2);
  });

  it("triages once per round for all checks, with the environment's selector labels only", async () => {
    const { docker, calls } = probe([container("tp03-alice-ghost", { health: "starting" })]);
    const failing = Array.from({ length: 5 }, (_, i) => check(`c${i}`, async () => fail("not yet")));
    await runChecks(failing, withDocker(docker), { retryIntervalMs: 20, checkTimeoutMs: 300 });
    expect(calls.list.length).toBe(1); // 5 checks x ~14 attempts, one triage (cached 1 s)
    expect(calls.list[0]).toEqual({
      [LABEL.lab]: "tp03",
      [LABEL.student]: "alice",
      [LABEL.class]: "default",
    });
  });

  it("a replica in flight (a deep check stops a container on purpose) blames no container", async () => {
    const stopped = container("tp02-alice-db", {});
    const { docker } = probe([stopped]);
    docker.withReplica = async <T>(_name: string, use: (replica: string) => Promise<T>) => {
      stopped.state = { status: "exited", running: false, exitCode: 0 };
      try {
        return await use("tp02-alice-db-replica");
      } finally {
        stopped.state = { status: "running", running: true, exitCode: 0 };
      }
    };
    let other = 0;
    const outcomes = await runChecks(
      [
        check(
          "persistence",
          (c) =>
            c.docker.withReplica?.("tp02-alice-db", () =>
              sleep(200).then(() => pass("kept")),
            ) as Promise<CheckResult>,
          {
            once: true,
          },
        ),
        check("other", async () => (++other < 3 ? fail("warming up") : pass("ok"))),
      ],
      withDocker(docker),
      { ...real, triageCacheMs: 0 },
    );
    expect(outcomes.map((o) => o.status)).toEqual(["pass", "pass"]);
  });

  it("marks one-off containers so a triage never takes them for the environment's", async () => {
    const run = jest.fn(async () => ({ exitCode: 0, logs: "", timedOut: false }));
    const { docker } = probe([]);
    docker.run = run;
    await runChecks(
      [
        check(
          "one-off",
          (c) => c.docker.run?.("img", { labels: c.labels }).then(() => pass("ran")) as Promise<CheckResult>,
        ),
      ],
      withDocker(docker),
      fast,
    );
    expect(run).toHaveBeenCalledWith("img", { labels: { ...envLabels, [ONE_OFF_LABEL]: "true" } });
  });
});
