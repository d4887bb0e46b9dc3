/** Exit codes (DESIGN §7): 0 all pass, 1 some check failed, 2 inconclusive or infrastructure error, 64+ usage. */
export const ExitCode = {
  ok: 0,
  checksFailed: 1,
  infrastructure: 2,
  usage: 64,
  badInput: 65,
  missingInput: 66,
  locked: 75,
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
