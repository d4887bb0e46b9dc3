import { ExitCode, LabctlError, type Student } from "@labctl/sdk";
import type { StudentProgress } from "./class-types";
import { runForStudents } from "./run-for-students";

const students = (n: number): Student[] =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `S${i}` }));
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("runForStudents", () => {
  it("never runs more than `concurrency` tasks at once, and returns outcomes in roster order", async () => {
    let running = 0;
    let peak = 0;
    const { outcomes } = await runForStudents(
      students(9),
      async (s) => {
        running++;
        peak = Math.max(peak, running);
        await tick(Number(s.id.slice(1)) % 3 === 0 ? 30 : 5);
        running--;
        return { state: "ok", message: "done", result: s.id };
      },
      { concurrency: 3 },
    );
    expect(peak).toBe(3);
    expect(outcomes.map((o) => o.result)).toEqual(students(9).map((s) => s.id));
  });

  it("one student's failure never stops the others, and keeps its error", async () => {
    const { outcomes } = await runForStudents(
      students(4),
      async (s) => {
        if (s.id === "s1")
          throw new LabctlError("port 20100 is taken", "free it", ExitCode.infrastructure, "PORT_TAKEN");
        if (s.id === "s2") throw new TypeError("boom");
        return { state: "ok", message: "created", result: s.id };
      },
      { concurrency: 2 },
    );
    expect(outcomes.map((o) => o.state)).toEqual(["ok", "failed", "failed", "ok"]);
    expect(outcomes[1]?.error).toEqual({
      message: "port 20100 is taken",
      advice: "free it",
      code: "PORT_TAKEN",
      exitCode: 2,
    });
    expect(outcomes[2]?.error).toMatchObject({ message: "boom", code: "UNEXPECTED" });
  });

  it("on cancel: running tasks see the signal and end cancelled, students not started are cancelled untouched", async () => {
    const controller = new AbortController();
    const started: string[] = [];
    const progress: StudentProgress[] = [];
    const run = runForStudents(
      students(5),
      async (s, { signal }) => {
        started.push(s.id);
        if (s.id === "s1") controller.abort();
        await tick(10);
        if (signal.aborted) throw new Error("stopped part-way");
        return { state: "ok", message: "created", result: s.id };
      },
      { concurrency: 2, signal: controller.signal, onProgress: (p) => progress.push(p) },
    );
    const { outcomes, interrupted } = await run;
    expect(interrupted).toBe(true);
    expect(started).toEqual(["s0", "s1"]);
    expect(outcomes.map((o) => o.state)).toEqual([
      "cancelled",
      "cancelled",
      "cancelled",
      "cancelled",
      "cancelled",
    ]);
    expect(outcomes[0]?.message).toBe("stopped part-way");
    expect(outcomes[4]?.message).toBe("not started (interrupted)");
    // every student ends with a final state in the progress stream
    const last = new Map(progress.map((p) => [p.student, p.state]));
    expect([...last.values()]).toEqual(Array(5).fill("cancelled"));
  });

  it("reports queued, running (with steps) and final states", async () => {
    const progress: StudentProgress[] = [];
    await runForStudents(
      students(1),
      async (_s, { step }) => {
        step("creating web");
        return { state: "unchanged", message: "unchanged", result: 1 };
      },
      { concurrency: 1, onProgress: (p) => progress.push(p) },
    );
    expect(progress.map((p) => [p.state, p.detail])).toEqual([
      ["queued", undefined],
      ["running", undefined],
      ["running", "creating web"],
      ["unchanged", "unchanged"],
    ]);
  });
});
