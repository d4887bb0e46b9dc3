import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { environmentDir } from "@labctl/core";
import { LabctlError } from "@labctl/sdk";
import { classDown } from "./class-down";
import { classLabDir } from "./class-paths";
import { classReport } from "./class-report";
import { ClassRunRecorder, readClassRun } from "./class-run-record";
import { classStatus } from "./class-status";
import { classUp } from "./class-up";
import { classVerify } from "./class-verify";
import { readVerifyStore } from "./class-verify-store";
import { classGrid } from "./report/class-grid";
import { fakeClass, fakeLab, noClients, roster, vanishingClients } from "./test-support/fake-class";

const setup = fakeClass;

describe("class up", () => {
  it("brings every student up, bounded, and says unchanged on a re-run", async () => {
    const { engine, base } = await setup("ann", "bob", "cid", "dan", "eve");
    const first = await classUp(base);
    expect(engine.peak).toBe(2);
    expect(first.students.map((s) => [s.student.id, s.state, s.message])).toEqual([
      ["ann", "ok", "1 create"],
      ["bob", "ok", "1 create"],
      ["cid", "ok", "1 create"],
      ["dan", "ok", "1 create"],
      ["eve", "ok", "1 create"],
    ]);
    const again = await classUp(base);
    expect(again.counts).toEqual({ ok: 0, unchanged: 5, failed: 0, cancelled: 0 });
  });

  it("allocates port blocks for every roster student in roster order, stable when the roster grows", async () => {
    const { base } = await setup("ann", "bob", "cid");
    const first = await classUp({ ...base, selection: { only: ["cid"] } });
    const cidPort = first.students[0]?.result?.ports.web as number;
    expect(cidPort).toBe(base.config.portBase + 200);
    const grown = await classUp({ ...base, roster: roster("aaron", "ann", "bob", "cid") });
    const ports = Object.fromEntries(grown.students.map((s) => [s.student.id, s.result?.ports.web]));
    expect(ports).toEqual({
      aaron: base.config.portBase + 300,
      ann: base.config.portBase,
      bob: base.config.portBase + 100,
      cid: cidPort,
    });
  });

  it("isolates failures, records them, and --retry-failed re-runs only those", async () => {
    const { home, engine, base } = await setup("ann", "bob", "cid");
    engine.failing.add("bob");
    const first = await classUp(base);
    expect(first.students.map((s) => s.state)).toEqual(["ok", "failed", "ok"]);
    expect(first.students[1]?.error?.message).toContain("port busy for bob");
    expect(readClassRun(home, "devops", "tp99")?.runs.up?.students.bob).toMatchObject({ state: "failed" });
    engine.failing.clear();
    engine.calls.length = 0;
    const retry = await classUp({ ...base, selection: { retryFailed: true } });
    expect(engine.calls).toEqual(["up bob"]);
    expect(retry.students.map((s) => [s.student.id, s.state])).toEqual([["bob", "ok"]]);
    // the record keeps the others' results
    expect(readClassRun(home, "devops", "tp99")?.runs.up?.students).toMatchObject({
      ann: { state: "ok" },
      bob: { state: "ok" },
      cid: { state: "ok" },
    });
    engine.calls.length = 0;
    expect((await classUp({ ...base, selection: { retryFailed: true } })).students).toEqual([]);
    expect(engine.calls).toEqual([]);
  });

  it("Ctrl-C: in-flight students end cancelled, the rest are not started, all recorded; retry finishes them", async () => {
    const { home, engine, base } = await setup("ann", "bob", "cid", "dan");
    const controller = new AbortController();
    // ann's up lasts until cancelled, so she is surely in flight when bob's up aborts the run
    engine.delayMs = 60_000;
    engine.onUp = (id) => id === "bob" && controller.abort();
    const run = await classUp({ ...base, signal: controller.signal });
    expect(run.interrupted).toBe(true);
    expect(run.students.map((s) => s.state)).toEqual(["cancelled", "cancelled", "cancelled", "cancelled"]);
    const record = readClassRun(home, "devops", "tp99")?.runs.up;
    expect(record?.interrupted).toBe(true);
    expect(Object.keys(record?.students ?? {}).sort()).toEqual(["ann", "bob", "cid", "dan"]);
    engine.onUp = undefined;
    engine.delayMs = 20;
    const retry = await classUp({ ...base, selection: { retryFailed: true } });
    expect(retry.counts.ok).toBe(4);
  });

  it("--retry-failed also picks students a killed run left `running`", async () => {
    const { home, engine, base } = await setup("ann", "bob");
    await classUp(base);
    const killed = new ClassRunRecorder(home, { classId: "devops", lab: "tp99" }, "up", {});
    killed.update({ student: "bob", state: "running" }); // the process died here
    engine.calls.length = 0;
    await classUp({ ...base, selection: { retryFailed: true } });
    expect(engine.calls).toEqual(["up bob"]);
  });

  it("refuses to start when a student's port is taken, naming it, and creates nothing", async () => {
    const { engine, base } = await setup("ann", "bob");
    const server: Server = createServer();
    const port = base.config.portBase + 100; // bob's web port
    await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
    try {
      await expect(classUp(base)).rejects.toMatchObject({
        exitCode: 2,
        code: "PREFLIGHT",
        message: expect.stringContaining(`bob: 127.0.0.1:${port} (for web) is taken by another process`),
      });
      expect(engine.calls).toEqual([]);
    } finally {
      server.close();
    }
  });

  it("--only takes roster ids and refuses unknown ones (exit 64)", async () => {
    const { engine, base } = await setup("ann", "bob");
    await classUp({ ...base, selection: { only: ["bob"] } });
    expect(engine.calls).toEqual(["up bob"]);
    await expect(classUp({ ...base, selection: { only: ["zed"] } })).rejects.toMatchObject({
      exitCode: 64,
      message: "Not in the roster: zed.",
    });
  });

  it("--only with an empty list is a usage error (exit 64), never the whole class", async () => {
    const { engine, base } = await setup("ann", "bob");
    await classUp(base);
    engine.calls.length = 0;
    await expect(classDown({ ...base, selection: { only: [] } })).rejects.toMatchObject({
      exitCode: 64,
      code: "EMPTY_ONLY",
    });
    expect(engine.calls).toEqual([]);
  });

  it("--retry-failed without a previous run is a usage error", async () => {
    const { base } = await setup("ann");
    await expect(classUp({ ...base, selection: { retryFailed: true } })).rejects.toMatchObject({
      exitCode: 64,
      code: "NO_PREVIOUS_RUN",
    });
  });
});

describe("class verify, status and down", () => {
  it("verifies each student, stores the results, and fails only the broken one", async () => {
    const { home, engine, base } = await setup("ann", "bob", "cid");
    await classUp(base);
    engine.broken.add("bob");
    const result = await classVerify({
      ...base,
      clients: noClients,
      checks: { retryIntervalMs: 1, checkTimeoutMs: 50 },
    });
    expect(result.status).toBe("fail");
    expect(result.students.map((s) => [s.student.id, s.state, s.message])).toEqual([
      ["ann", "ok", "5/5 points"],
      ["bob", "failed", "2/5 points; not passing: page"],
      ["cid", "ok", "5/5 points"],
    ]);
    const store = readVerifyStore(home, "devops", "tp99");
    expect(Object.keys(store?.reports ?? {})).toEqual(["ann", "bob", "cid"]);
    // after the fix, --retry-failed verifies bob alone and the store merges
    engine.broken.clear();
    const retry = await classVerify({ ...base, clients: noClients, selection: { retryFailed: true } });
    expect(retry.students.map((s) => s.student.id)).toEqual(["bob"]);
    expect(retry.status).toBe("pass");
    expect(readVerifyStore(home, "devops", "tp99")?.reports.bob?.status).toBe("pass");
  });

  it("a student who is not up is inconclusive (error), with the reason", async () => {
    const { base } = await setup("ann");
    const result = await classVerify({ ...base, clients: noClients });
    expect(result.status).toBe("error");
    expect(result.students[0]?.error?.code).toBe("NOT_UP");
  });

  it("status shows who is up, their last runs and scores; down removes and forgets", async () => {
    const { home, engine, base } = await setup("ann", "bob");
    engine.failing.add("bob");
    await classUp(base);
    await classVerify({ ...base, clients: noClients, selection: { only: ["ann"] } });
    const status = await classStatus({ ...base });
    expect(status.students.map((s) => [s.student.id, s.up, s.lastUp?.state, s.score?.earned])).toEqual([
      ["ann", true, "ok", 5],
      ["bob", false, "failed", undefined],
    ]);
    const down = await classDown(base);
    expect(down.students.map((s) => [s.student.id, s.state, s.message])).toEqual([
      ["ann", "ok", "1 object removed"],
      ["bob", "unchanged", "nothing to remove"],
    ]);
    expect((await classStatus({ ...base })).students.every((s) => !s.up)).toBe(true);
    expect(
      JSON.parse(readFileSync(join(classLabDir(home, "devops", "tp99"), "last-run.json"), "utf8")).runs.down,
    ).toMatchObject({ students: { ann: { state: "ok" }, bob: { state: "unchanged" } } });
  });

  it("status names a student whose record cannot be read instead of calling them down", async () => {
    const { home, base } = await setup("ann", "bob");
    await classUp(base);
    const file = join(environmentDir(home, "devops", "tp99", "bob"), "environment.json");
    writeFileSync(file, "{ garbage");
    const bob = (await classStatus({ ...base })).students.find((s) => s.student.id === "bob");
    expect(bob?.unreadable).toContain(file);
    expect(bob?.unreadable).toContain("is not valid JSON");
  });

  it("status lists environments of the class that left the roster", async () => {
    const { base } = await setup("ann", "bob");
    await classUp(base);
    expect((await classStatus({ ...base, roster: roster("ann") })).notInRoster).toEqual(["bob"]);
  });
});

describe("class verify never loses a stored result to the infrastructure", () => {
  const fast = { retryIntervalMs: 1, checkTimeoutMs: 50 };

  it("an unreachable engine exits 2 before any student: verify.json, last-run.json and the report stay as they were", async () => {
    const { home, engine, base } = await setup("ann", "bob");
    await classUp(base);
    await classVerify({ ...base, clients: noClients, checks: fast });
    await classReport(base);
    const dir = classLabDir(home, "devops", "tp99");
    const files = [
      "verify.json",
      "last-run.json",
      "report/grid.csv",
      "report/junit.xml",
      "report/students/ann.md",
    ];
    const snapshot = () => files.map((f) => readFileSync(join(dir, f), "utf8"));
    const before = snapshot();
    engine.preflightError = new LabctlError("Cannot connect to the Docker engine.", "start it", 2, "ENGINE");
    engine.calls.length = 0;
    await expect(classVerify({ ...base, clients: noClients, checks: fast })).rejects.toMatchObject({
      exitCode: 2,
      code: "ENGINE",
    });
    expect(snapshot()).toEqual(before);
    expect(engine.calls).toEqual([]);
    expect(readVerifyStore(home, "devops", "tp99")?.reports.ann?.status).toBe("pass");
  });

  it("a mixed run replaces the verified students' reports and keeps the errored ones' beside the error", async () => {
    const { home, engine, base } = await setup("ann", "bob", "cid");
    await classUp(base);
    engine.broken.add("ann");
    await classVerify({ ...base, clients: noClients, checks: fast });
    const first = readVerifyStore(home, "devops", "tp99");
    expect(first?.reports.ann?.status).toBe("fail");
    engine.broken.clear();
    engine.unreadable.add("bob"); // the verify throws
    engine.vanishing.add("cid"); // the engine goes away during cid's checks
    const run = await classVerify({ ...base, clients: vanishingClients, checks: fast });
    expect(run.students.map((s) => [s.student.id, s.state, s.error?.code])).toEqual([
      ["ann", "ok", undefined],
      ["bob", "failed", "ENGINE"],
      ["cid", "failed", "ENGINE_UNREACHABLE"],
    ]);
    const store = readVerifyStore(home, "devops", "tp99");
    expect(store?.reports.ann?.status).toBe("pass");
    expect(store?.reports.bob).toEqual(first?.reports.bob);
    expect(store?.reports.cid).toEqual(first?.reports.cid);
    expect(store?.errors.ann).toBeUndefined();
    expect(store?.errors.cid?.message).toBe(
      "Docker engine unreachable: connect ECONNREFUSED /var/run/docker.sock",
    );
    const grid = classGrid(fakeLab, "devops", base.roster.students, store);
    const cid = grid.rows[2];
    expect(cid).toMatchObject({ status: "pass", earned: 5 });
    expect(cid?.error).toBe(
      `not re-verified: Docker engine unreachable: connect ECONNREFUSED /var/run/docker.sock (last result from ${first?.reports.cid?.startedAt.slice(0, 16).replace("T", " ")} UTC)`,
    );
    const status = await classStatus({ ...base });
    expect(status.students[1]?.error).toMatch(
      /^not re-verified: Cannot connect to the Docker engine\. \(last result from /,
    );
    expect(status.students[1]?.score?.earned).toBe(5);
  });
});
