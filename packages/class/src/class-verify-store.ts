import { join } from "node:path";
import {
  type CheckOutcome,
  checkOutcomeSchema,
  type LabctlHome,
  readStateFile,
  type StateFileKind,
  type VerifyReport,
  verifyReportSchema,
  writeStateFile,
} from "@labctl/core";
import type { OutcomeError } from "@labctl/sdk";
import { z } from "zod";
import { classLabDir } from "./class-paths";

/** A check about the class as a whole (isolation), reported per student, never graded. */
export interface ClassCheckResult {
  id: string;
  title: string;
  points: number;
  outcomes: Record<string, CheckOutcome>;
}

/** Why a student's last verify gave no result; `reports` keeps the one before, if any. */
export interface StoredError extends OutcomeError {
  /** When the failed run happened. */
  at?: string;
}

/** `classes/<class>/<lab>/verify.json`: each student's latest verify, what `class report` shows. */
export interface ClassVerifyStore {
  lab: string;
  classId: string;
  updatedAt: string;
  /** Each student's latest real result: an infrastructure error never replaces one. */
  reports: Record<string, VerifyReport>;
  /** Students whose latest verify could not run (not up, engine unreachable). */
  errors: Record<string, StoredError>;
  classChecks: ClassCheckResult[];
}

const STORE: StateFileKind<ClassVerifyStore> = {
  what: "the class verify results",
  schema: z.object({
    lab: z.string(),
    classId: z.string(),
    updatedAt: z.string(),
    reports: z.record(z.string(), verifyReportSchema),
    errors: z.record(
      z.string(),
      z.object({
        message: z.string(),
        advice: z.string(),
        code: z.string(),
        exitCode: z.number(),
        at: z.string().optional(),
      }),
    ),
    classChecks: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        points: z.number(),
        outcomes: z.record(z.string(), checkOutcomeSchema),
      }),
    ),
  }),
  advice:
    "labctl will not overwrite it: restore it from a backup, or move it away to start the class's results afresh (the next `class verify` writes a new one).",
};

const storeFile = (home: LabctlHome, classId: string, lab: string) =>
  join(classLabDir(home, classId, lab), "verify.json");

export const readVerifyStore = (
  home: LabctlHome,
  classId: string,
  lab: string,
): ClassVerifyStore | undefined => readStateFile(storeFile(home, classId, lab), STORE);

/**
 * Merges a run's results over the stored ones: students not verified this time keep theirs; a
 * new report replaces the old one and clears its error; an error is stored beside the previous
 * report, which stays (and so do that student's class-check outcomes, and class checks this run
 * did not make): a graded run is never lost to an engine that went away.
 */
export function saveVerifyResults(
  home: LabctlHome,
  key: { classId: string; lab: string },
  run: {
    reports: Record<string, VerifyReport>;
    errors: Record<string, OutcomeError>;
    classChecks: ClassCheckResult[];
  },
): ClassVerifyStore {
  const previous = readVerifyStore(home, key.classId, key.lab);
  const at = new Date().toISOString();
  const errors: Record<string, StoredError> = { ...previous?.errors };
  for (const id of Object.keys(run.reports)) delete errors[id];
  for (const [id, error] of Object.entries(run.errors)) errors[id] = { ...error, at };
  const ran = new Set(run.classChecks.map((c) => c.id));
  const notRun = (previous?.classChecks ?? []).filter((c) => !ran.has(c.id));
  const classChecks = run.classChecks.map((check) => {
    const before = previous?.classChecks.find((c) => c.id === check.id)?.outcomes ?? {};
    const outcomes = { ...before, ...check.outcomes };
    for (const id of Object.keys(run.errors)) {
      const kept = before[id];
      if (kept) outcomes[id] = kept;
    }
    return { ...check, outcomes };
  });
  const store: ClassVerifyStore = {
    ...key,
    updatedAt: at,
    reports: { ...previous?.reports, ...run.reports },
    errors,
    classChecks: [...classChecks, ...notRun],
  };
  writeStateFile(storeFile(home, key.classId, key.lab), store);
  return store;
}
