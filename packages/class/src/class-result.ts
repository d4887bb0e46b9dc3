import { type ClassRunResult, type ClassVerb, countStates, type StudentOutcome } from "./class-types";

/** The common part of every class command's result. */
export function classRunResult<T>(
  verb: ClassVerb,
  key: { lab: string; classId: string; engine: string; started: Date },
  run: { outcomes: StudentOutcome<T>[]; interrupted: boolean },
): ClassRunResult<T> {
  return {
    verb,
    lab: key.lab,
    classId: key.classId,
    engine: key.engine,
    startedAt: key.started.toISOString(),
    durationMs: Date.now() - key.started.getTime(),
    interrupted: run.interrupted,
    students: run.outcomes,
    counts: countStates(run.outcomes),
  };
}
