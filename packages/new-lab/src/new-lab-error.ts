/** Exit codes, as labctl's (README "Exit codes"): the generator speaks the same language. */
export const ExitCode = { infrastructure: 2, usage: 64, badInput: 65 } as const;

/** An error meant for a person: what is wrong, what to do, and the exit code. */
export class NewLabError extends Error {
  readonly advice: string;
  readonly exitCode: number;

  constructor(message: string, advice: string, exitCode: number) {
    super(message);
    this.name = "NewLabError";
    this.advice = advice;
    this.exitCode = exitCode;
  }
}
