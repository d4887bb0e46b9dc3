import { join } from "node:path";
import type { LabctlHome } from "../home/labctl-home";
import { classLabDir } from "./class-paths";
import type { ClassVerb, FinalState, StudentProgress } from "./class-types";
import { readJson, writeJson } from "./json-file";

/** A student's last result for one verb; `running` left behind means the process was killed. */
export interface StudentRunEntry {
  state: FinalState | "running";
  at: string;
  message?: string;
  durationMs?: number;
}

export interface VerbRun {
  startedAt: string;
  finishedAt?: string;
  interrupted?: boolean;
  /** Merged over runs: a run with --only updates its students and keeps the others' results. */
  students: Record<string, StudentRunEntry>;
}

/** `classes/<class>/<lab>/last-run.json`: the last result of each student for each verb. */
export interface ClassRunRecord {
  classId: string;
  lab: string;
  roster?: string;
  engine?: string;
  runs: Partial<Record<ClassVerb, VerbRun>>;
}

const recordFile = (home: LabctlHome, classId: string, lab: string) =>
  join(classLabDir(home, classId, lab), "last-run.json");

export const readClassRun = (home: LabctlHome, classId: string, lab: string): ClassRunRecord | undefined =>
  readJson<ClassRunRecord>(recordFile(home, classId, lab));

/** Students whose last `verb` did not succeed: failed, cancelled, or cut off while running. */
export function unsuccessfulStudents(
  record: ClassRunRecord | undefined,
  verb: ClassVerb,
): string[] | undefined {
  const run = record?.runs[verb];
  if (!run) return undefined;
  return Object.entries(run.students)
    .filter(([, entry]) => entry.state !== "ok" && entry.state !== "unchanged")
    .map(([id]) => id);
}

/**
 * Keeps the record of a class run on disk as it goes: a student is written `running` before
 * its work starts and its final state right after, so even a killed run leaves every student
 * it touched recorded (and `--retry-failed` picks them up).
 */
export class ClassRunRecorder {
  private readonly record: ClassRunRecord;
  private readonly file: string;

  constructor(
    home: LabctlHome,
    key: { classId: string; lab: string },
    private readonly verb: ClassVerb,
    meta: { roster?: string; engine?: string },
  ) {
    this.file = recordFile(home, key.classId, key.lab);
    const previous = readJson<ClassRunRecord>(this.file);
    const students = previous?.runs[verb]?.students ?? {};
    this.record = {
      ...key,
      ...meta,
      runs: { ...previous?.runs, [verb]: { startedAt: new Date().toISOString(), students } },
    };
    writeJson(this.file, this.record);
  }

  update(progress: StudentProgress): void {
    if (progress.state === "queued") return;
    const entry: StudentRunEntry = { state: progress.state, at: new Date().toISOString() };
    if (progress.state !== "running")
      Object.assign(entry, { message: progress.detail, durationMs: progress.durationMs });
    (this.record.runs[this.verb] as VerbRun).students[progress.student] = entry;
    writeJson(this.file, this.record);
  }

  finish(interrupted: boolean): ClassRunRecord {
    Object.assign(this.record.runs[this.verb] as VerbRun, {
      finishedAt: new Date().toISOString(),
      interrupted,
    });
    writeJson(this.file, this.record);
    return this.record;
  }
}
