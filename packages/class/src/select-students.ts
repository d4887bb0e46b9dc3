import { ExitCode, LabctlError, type Student } from "@labctl/sdk";
import { type ClassRunRecord, unsuccessfulStudents } from "./class-run-record";
import type { ClassVerb } from "./class-types";

export interface StudentSelection {
  /** `--only a,b`: just these ids (they must be in the roster). */
  only?: string[];
  /** `--retry-failed`: just those whose last run of this verb did not succeed. */
  retryFailed?: boolean;
}

/** The roster students a class command is about, in roster order. */
export function selectStudents(
  students: Student[],
  selection: StudentSelection,
  context: { verb: ClassVerb; lab: string; classId: string; record?: ClassRunRecord },
): Student[] {
  let selected = students;
  // An empty list is a bug upstream (an unset shell variable): never read as "everyone".
  if (selection.only?.length === 0) {
    throw new LabctlError(
      "--only was given no student id.",
      "Name at least one roster id (--only ann,bob), or leave --only out to mean the whole class.",
      ExitCode.usage,
      "EMPTY_ONLY",
    );
  }
  if (selection.only) {
    const ids = new Set(students.map((s) => s.id));
    const unknown = selection.only.filter((id) => !ids.has(id));
    if (unknown.length > 0) {
      throw new LabctlError(
        `Not in the roster: ${unknown.join(", ")}.`,
        `--only takes student ids from the roster: ${students.map((s) => s.id).join(", ")}.`,
        ExitCode.usage,
        "UNKNOWN_STUDENT",
      );
    }
    const only = new Set(selection.only);
    selected = selected.filter((s) => only.has(s.id));
  }
  if (selection.retryFailed) {
    const failed = unsuccessfulStudents(context.record, context.verb);
    if (failed === undefined) {
      throw new LabctlError(
        `No previous \`class ${context.verb}\` of ${context.lab} is recorded for class ${context.classId}.`,
        "Run it once without --retry-failed.",
        ExitCode.usage,
        "NO_PREVIOUS_RUN",
      );
    }
    const retry = new Set(failed);
    selected = selected.filter((s) => retry.has(s.id));
  }
  return selected;
}
