import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveHome } from "@labctl/core";
import { classDir, classLabDir } from "./class-paths";
import { ClassRunRecorder, readClassRun } from "./class-run-record";
import { knownStudentIds, rememberStudentIds } from "./student-ids";

const newHome = () => resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-classrec-")) });
const corrupt = (file: string) =>
  expect.objectContaining({ code: "STATE_CORRUPT", exitCode: 65, message: expect.stringContaining(file) });

describe("class state files", () => {
  it("last-run.json round-trips; a corrupt one is refused, not restarted from scratch", () => {
    const home = newHome();
    const recorder = new ClassRunRecorder(home, { classId: "devops", lab: "tp03" }, "up", {
      engine: "docker",
    });
    recorder.update({ student: "ann", state: "ok", detail: "1 create", durationMs: 5 });
    recorder.finish(false);
    expect(readClassRun(home, "devops", "tp03")?.runs.up?.students.ann).toMatchObject({ state: "ok" });
    const file = join(classLabDir(home, "devops", "tp03"), "last-run.json");
    writeFileSync(file, JSON.stringify({ classId: "devops", lab: "tp03", runs: { up: { students: 3 } } }));
    expect(() => readClassRun(home, "devops", "tp03")).toThrow(corrupt(file));
    expect(() => new ClassRunRecorder(home, { classId: "devops", lab: "tp03" }, "up", {})).toThrow(
      corrupt(file),
    );
  });

  it("students.json round-trips; a corrupt one is refused (ids would silently change)", () => {
    const home = newHome();
    const roster = {
      source: "r.csv",
      format: "csv" as const,
      students: [{ id: "ann", name: "Ann", email: "ann@x.org" }],
    };
    rememberStudentIds(home, "devops", roster);
    expect(Object.values(knownStudentIds(home, "devops"))).toEqual(["ann"]);
    const file = join(classDir(home, "devops"), "students.json");
    writeFileSync(file, "[1, 2]");
    expect(() => knownStudentIds(home, "devops")).toThrow(corrupt(file));
  });
});
