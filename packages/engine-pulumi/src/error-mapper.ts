import { ExitCode, isLabctlError, LabctlError } from "@labctl/sdk";

/** The environment an error is about, for messages that name it. */
export interface EnvRef {
  lab: string;
  student: string;
  classId: string;
}

export const describeEnv = (env: EnvRef): string =>
  env.classId === "default"
    ? `${env.lab}/${env.student}`
    : `${env.lab}/${env.student} (class ${env.classId})`;

/** Advice for causes a student or instructor can fix, recognised in the CLI's error lines. */
const KNOWN_CAUSES: [RegExp, string][] = [
  [
    /passphrase/i,
    "The stack was created with another passphrase: restore the labctl home's `passphrase` file.",
  ],
  [
    /no resource plugin|plugin .* not found|failed to download plugin/i,
    "Pre-seed the provider plugin (`pulumi plugin install`) or use `--engine docker`.",
  ],
  [
    /docker daemon|docker\.sock|Cannot connect to the Docker/i,
    "Start Docker (or point DOCKER_HOST at a running engine) and run the command again.",
  ],
];

const COMMAND_ERRORS = new Set(["CommandError", "StackAlreadyExistsError"]);

/**
 * Turns what the Automation API throws into a LabctlError a person can act on. Pulumi's error
 * classes are recognised by name, so this module never loads the SDK.
 */
export function toLabctlError(err: unknown, env: EnvRef): LabctlError {
  if (isLabctlError(err)) return err;
  const name = err instanceof Error ? err.name : "";
  const where = describeEnv(env);
  if (name === "ConcurrentUpdateError") {
    return new LabctlError(
      `Another labctl run is changing ${where} right now (its Pulumi stack is locked).`,
      `Wait for it to finish; if none is running, run \`labctl repair ${env.lab}\` to clear the stale lock.`,
      ExitCode.locked,
      "LOCKED",
      { cause: err },
    );
  }
  if (name === "StackNotFoundError") {
    return new LabctlError(
      `There is no environment ${where}.`,
      `Create it with \`labctl up ${env.lab}\`.`,
      ExitCode.infrastructure,
      "NOT_FOUND",
      { cause: err },
    );
  }
  const text = err instanceof Error ? err.message : String(err);
  if (COMMAND_ERRORS.has(name)) {
    const summary = errorLines(text);
    const advice = KNOWN_CAUSES.find(([pattern]) => pattern.test(summary))?.[1];
    return new LabctlError(
      `Pulumi failed for ${where}: ${summary}`,
      advice ??
        `Fix the cause above and run the command again; \`labctl repair ${env.lab}\` clears an interrupted run.`,
      ExitCode.infrastructure,
      "PULUMI_FAILED",
      { cause: err },
    );
  }
  return new LabctlError(
    `The Pulumi engine failed for ${where}: ${firstLine(text)}`,
    "Run the command again; if it keeps failing, report it with this message.",
    ExitCode.infrastructure,
    "ENGINE_FAILED",
    { cause: err },
  );
}

const firstLine = (text: string) => text.trim().split("\n")[0]?.trim() || "unknown error";

/** The CLI's `error:` lines (most specific first), else the last line it wrote to stderr. */
function errorLines(message: string): string {
  const lines = message.split("\n").map((l) => l.trim());
  const errors = [...new Set(lines.filter((l) => /^error: /i.test(l)).map((l) => l.slice(7).trim()))];
  const specific = errors.filter((l) => !/^update failed$|^preview failed$|^destroy failed$/i.test(l));
  const chosen = specific.length > 0 ? specific : errors;
  if (chosen.length > 0) return chosen.slice(0, 3).join("; ");
  const stderr = message.split(/\n\s*stderr:/)[1]?.split(/\n\s*err\?:/)[0] ?? message;
  const last = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .pop();
  return last ?? firstLine(message);
}
