import { createInterface } from "node:readline/promises";
import { ExitCode, LabctlError } from "@labctl/sdk";

/** Where a question is asked: stdin for the answer, stderr for the question (stdout stays data). */
export interface Terminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
}

export const processTerminal = (): Terminal => ({ input: process.stdin, output: process.stderr });

/** A person can answer: stdin and stderr are both terminals. */
export const isInteractive = (terminal: Terminal = processTerminal()): boolean =>
  Boolean(terminal.input.isTTY && terminal.output.isTTY);

/**
 * Asks before a destructive bulk action ("class down removes 12 environments"). `--yes` skips the
 * question; with no terminal to ask on, the command refuses (exit 64) so that a script never
 * destroys by default. Returns false when the person declines; Ctrl-C at the question exits 130.
 */
export async function confirmDestructive(
  what: string,
  opts: { yes?: boolean; terminal?: Terminal },
): Promise<boolean> {
  if (opts.yes) return true;
  const terminal = opts.terminal ?? processTerminal();
  if (!isInteractive(terminal)) {
    throw new LabctlError(
      `${what}: pass --yes to confirm (no terminal to ask on).`,
      "Run it again with --yes (-y) once you are sure; nothing was removed.",
      ExitCode.usage,
      "NOT_CONFIRMED",
    );
  }
  const rl = createInterface({ input: terminal.input, output: terminal.output });
  try {
    const answer = await new Promise<string | undefined>((resolve) => {
      rl.once("SIGINT", () => resolve(undefined));
      rl.once("close", () => resolve(""));
      rl.question(`${what}. Type y to continue: `).then(resolve, () => resolve(""));
    });
    if (answer === undefined)
      throw new LabctlError(
        "Interrupted: nothing was removed.",
        "Run the command again when ready.",
        ExitCode.interrupted,
        "INTERRUPTED",
      );
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
