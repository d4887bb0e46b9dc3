import { join } from "node:path";
import type { LabctlHome } from "../home/labctl-home";
import type { CheckOutcome, VerifyReport } from "../verify/report-types";
import { classLabDir } from "./class-paths";
import type { OutcomeError } from "./class-types";
import { readJson, writeJson } from "./json-file";

/** A check about the class as a whole (isolation), reported per student, never graded. */
export interface ClassCheckResult {
  id: string;
  title: string;
  points: number;
  outcomes: Record<string, CheckOutcome>;
}

/** `classes/<class>/<lab>/verify.json`: each student's latest verify, what `class report` shows. */
export interface ClassVerifyStore {
  lab: string;
  classId: string;
  updatedAt: string;
  reports: Record<string, VerifyReport>;
  /** Students whose verify could not run at all (not up, engine unreachable). */
  errors: Record<string, OutcomeError>;
  classChecks: ClassCheckResult[];
}

const storeFile = (home: LabctlHome, classId: string, lab: string) =>
  join(classLabDir(home, classId, lab), "verify.json");

export const readVerifyStore = (
  home: LabctlHome,
  classId: string,
  lab: string,
): ClassVerifyStore | undefined => readJson<ClassVerifyStore>(storeFile(home, classId, lab));

/** Merges a run's results over the stored ones: students not verified this time keep theirs. */
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
  const reports = { ...previous?.reports };
  const errors = { ...previous?.errors };
  for (const id of [...Object.keys(run.reports), ...Object.keys(run.errors)]) {
    delete reports[id];
    delete errors[id];
  }
  const classChecks = run.classChecks.map((check) => ({
    ...check,
    outcomes: { ...previous?.classChecks.find((c) => c.id === check.id)?.outcomes, ...check.outcomes },
  }));
  const store: ClassVerifyStore = {
    ...key,
    updatedAt: new Date().toISOString(),
    reports: { ...reports, ...run.reports },
    errors: { ...errors, ...run.errors },
    classChecks,
  };
  writeJson(storeFile(home, key.classId, key.lab), store);
  return store;
}
