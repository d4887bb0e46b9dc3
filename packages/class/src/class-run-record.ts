import { join } from "node:path";
import { type LabctlHome, readStateFile, type StateFileKind, writeStateFile } from "@labctl/core";
import { z } from "zod";
import { classLabDir } from "./class-paths";
import type { ClassVerb, FinalState, StudentProgress } from "./class-types";

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

const entrySchema = z.object({
  state: z.enum(["ok", "unchanged", "failed", "cancelled", "running"]),
  at: z.string(),
  message: z.string().optional(),
  durationMs: z.number().optional(),
});

const verbRunSchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  interrupted: z.boolean().optional(),
  students: z.record(z.string(), entrySchema),
});

const classRunKind: StateFileKind<ClassRunRecord> = {
  what: "The class run record",
  schema: z.object({
    classId: z.string(),
    lab: z.string(),
    roster: z.string().optional(),
    engine: z.string().optional(),
    runs: z.object({
      up: verbRunSchema.optional(),
      verify: verbRunSchema.optional(),
      down: verbRunSchema.optional(),
    }),
  }),
  advice:
    "It only remembers each student's last result (for --retry-failed and `class status`): restore it from a backup, or move it away and run the class command again without --retry-failed.",
};

const recordFile = (home: LabctlHome, classId: string, lab: string) =>
  join(classLabDir(home, classId, lab), "last-run.json");

export const readClassRun = (home: LabctlHome, classId: string, lab: string): ClassRunRecord | undefined =>
  readStateFile(recordFile(home, classId, lab), classRunKind);

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
    const previous = readStateFile(this.file, classRunKind);
    const students = previous?.runs[verb]?.students ?? {};
    this.record = {
      ...key,
      ...meta,
      runs: { ...previous?.runs, [verb]: { startedAt: new Date().toISOString(), students } },
    };
    writeStateFile(this.file, this.record);
  }

  update(progress: StudentProgress): void {
    if (progress.state === "queued") return;
    const entry: StudentRunEntry = { state: progress.state, at: new Date().toISOString() };
    if (progress.state !== "running")
      Object.assign(entry, { message: progress.detail, durationMs: progress.durationMs });
    (this.record.runs[this.verb] as VerbRun).students[progress.student] = entry;
    writeStateFile(this.file, this.record);
  }

  finish(interrupted: boolean): ClassRunRecord {
    Object.assign(this.record.runs[this.verb] as VerbRun, {
      finishedAt: new Date().toISOString(),
      interrupted,
    });
    writeStateFile(this.file, this.record);
    return this.record;
  }
}
