import type { OutcomeError, Student } from "@labctl/sdk";

/** The class commands that change or probe environments (and are recorded). */
export type ClassVerb = "up" | "verify" | "down";

/** Where a student stands in a class run; the last four are final. */
export type StudentState = "queued" | "running" | "ok" | "unchanged" | "failed" | "cancelled";
export type FinalState = Exclude<StudentState, "queued" | "running">;

/** A live update for one student (the status table). */
export interface StudentProgress {
  student: string;
  state: StudentState;
  /** The current step while running, the outcome's message once final. */
  detail?: string;
  durationMs?: number;
}

/** What happened to one student. */
export interface StudentOutcome<T> {
  student: Student;
  state: FinalState;
  /** One line for a table: what changed, the score, or why it failed. */
  message: string;
  durationMs: number;
  result?: T;
  error?: OutcomeError;
}

/** A class command's typed result (`--json`). */
export interface ClassRunResult<T> {
  verb: ClassVerb;
  lab: string;
  classId: string;
  engine: string;
  startedAt: string;
  durationMs: number;
  /** Ctrl-C stopped the run: students not finished are `cancelled`. */
  interrupted: boolean;
  /** The students this run was about (after --only / --retry-failed), in roster order. */
  students: StudentOutcome<T>[];
  counts: Record<FinalState, number>;
}

export const countStates = (outcomes: { state: FinalState }[]): Record<FinalState, number> => {
  const counts: Record<FinalState, number> = { ok: 0, unchanged: 0, failed: 0, cancelled: 0 };
  for (const o of outcomes) counts[o.state]++;
  return counts;
};

export const succeeded = (state: StudentState | undefined) => state === "ok" || state === "unchanged";
