/**
 * Exit codes (DESIGN §7, README "Exit codes"): 0 all pass, 1 some check failed, 2 inconclusive or
 * infrastructure error, 64 usage, 65 bad input, 66 missing input, 75 locked, 130 interrupted.
 */
export const ExitCode = {
  ok: 0,
  checksFailed: 1,
  infrastructure: 2,
  usage: 64,
  badInput: 65,
  missingInput: 66,
  locked: 75,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An error meant for a person: one sentence naming the problem, one saying what to do.
 * Commands print `message` and `advice` and exit with `exitCode`, never a stack trace.
 */
export class LabctlError extends Error {
  constructor(
    message: string,
    readonly advice: string,
    readonly exitCode: ExitCode = ExitCode.infrastructure,
    readonly code = "LABCTL_ERROR",
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "LabctlError";
  }
}

export const isLabctlError = (e: unknown): e is LabctlError => e instanceof LabctlError;

/** An error as JSON can carry it (a LabctlError's fields). */
export interface OutcomeError {
  message: string;
  advice: string;
  code: string;
  exitCode: number;
}

/** The error as data (JSON, a worker message): a LabctlError's fields, or an unexpected error's message. */
export function outcomeError(error: unknown): OutcomeError {
  if (isLabctlError(error))
    return { message: error.message, advice: error.advice, code: error.code, exitCode: error.exitCode };
  return {
    message: (error as Error)?.message ?? String(error),
    advice: "This looks like a labctl bug: report it with the message above.",
    code: "UNEXPECTED",
    exitCode: ExitCode.infrastructure,
  };
}
