import { outcomeError, type Student } from "@labctl/sdk";
import type { FinalState, StudentOutcome, StudentProgress } from "./class-types";
import { pLimit } from "./p-limit";

export interface StudentTaskContext {
  /** Aborted on Ctrl-C: stop gracefully, the runner records the student as cancelled. */
  signal: AbortSignal;
  /** Reports the current step (shown in the live table). */
  step(detail: string): void;
}

export interface TaskOutcome<T> {
  state: "ok" | "unchanged" | "failed";
  message: string;
  result: T;
}

export type StudentTask<T> = (student: Student, ctx: StudentTaskContext) => Promise<TaskOutcome<T>>;

export interface RunForStudentsOptions {
  concurrency: number;
  signal?: AbortSignal;
  onProgress?: (progress: StudentProgress) => void;
}

/**
 * Runs a task for every student, at most `concurrency` at a time. A task that throws fails its
 * student only; the others go on. Once `signal` aborts, running tasks get the signal (and are
 * recorded `cancelled` if they give up) and students not started yet are `cancelled` untouched.
 * Outcomes come back in roster order.
 */
export async function runForStudents<T>(
  students: Student[],
  task: StudentTask<T>,
  opts: RunForStudentsOptions,
): Promise<{ outcomes: StudentOutcome<T>[]; interrupted: boolean }> {
  const signal = opts.signal ?? new AbortController().signal;
  const limit = pLimit(Math.max(1, Math.floor(opts.concurrency)));
  const emit = (progress: StudentProgress) => opts.onProgress?.(progress);
  for (const student of students) emit({ student: student.id, state: "queued" });

  const runOne = async (student: Student): Promise<StudentOutcome<T>> => {
    const final = (outcome: Omit<StudentOutcome<T>, "student">): StudentOutcome<T> => {
      emit({
        student: student.id,
        state: outcome.state,
        detail: outcome.message,
        durationMs: outcome.durationMs,
      });
      return { student, ...outcome };
    };
    if (signal.aborted)
      return final({ state: "cancelled", message: "not started (interrupted)", durationMs: 0 });
    const started = Date.now();
    emit({ student: student.id, state: "running" });
    const step = (detail: string) => emit({ student: student.id, state: "running", detail });
    try {
      const { state, message, result } = await task(student, { signal, step });
      return final({ state, message, result, durationMs: Date.now() - started });
    } catch (error) {
      const state: FinalState = signal.aborted ? "cancelled" : "failed";
      const details = outcomeError(error);
      return final({ state, message: details.message, error: details, durationMs: Date.now() - started });
    }
  };

  const outcomes = await Promise.all(students.map((student) => limit(() => runOne(student))));
  return { outcomes, interrupted: signal.aborted };
}
