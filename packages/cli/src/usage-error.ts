import { ExitCode, LabctlError } from "@labctl/sdk";
import { closestMatch } from "./closest-match";
import { type CommandList, unknownCommandError } from "./unknown-command";

// oclif's parse errors carry what was parsed; only the parts labctl reads.
interface OclifParseError extends Error {
  flags?: string[];
  args?: { name: string; description?: string }[];
  parse?: { input?: { flags?: Record<string, unknown> } };
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/** `labctl class up`, from the oclif id `class:up`. */
export const commandLine = (id?: string) => (id ? `labctl ${id.replaceAll(":", " ")}` : "labctl");

/** oclif's words rephrased as one labctl sentence. Its error classes leave `name` as "Error". */
function sentence(err: OclifParseError): string {
  const kind = err.constructor.name;
  const text = err.message
    .replace(ANSI, "")
    .replace(/\n?See more help with --help/g, "")
    .replace(/^The following errors? occurred:\s*/, "")
    .trim();
  if (kind === "NonExistentFlagsError" && err.flags) {
    const known = Object.keys(err.parse?.input?.flags ?? {}).map((f) => `--${f}`);
    const hints = err.flags
      .map((f) => closestMatch(f.split("=")[0] ?? f, known))
      .filter((f): f is string => f !== undefined);
    const hint = hints.length > 0 ? ` Did you mean ${hints.join(", ")}?` : "";
    return `Unknown flag ${err.flags.join(", ")}.${hint}`;
  }
  if (kind === "RequiredArgsError" && err.args) {
    const names = err.args.map((a) => `${a.name.toUpperCase()} (${a.description ?? "required"})`);
    return `Missing argument ${names.join(", ")}.`;
  }
  const integer = /^Parsing (--\S+)\s+Expected an integer ?(.*?) but received: (.*)$/s.exec(text);
  if (integer) {
    const [, flag, range, got] = integer;
    return `${flag} must be an integer${range ? ` ${range}` : ""} (got "${got}").`;
  }
  const option = /^Expected (--[^=]+)=(.*) to be one of: (.*)$/s.exec(text);
  if (option) return `${option[1]} must be one of ${option[3]} (got "${option[2]}").`;
  const required = /^Missing required flag (\S+)$/.exec(text);
  if (required) return `Missing required flag --${required[1]}.`;
  const oneLine = text.replace(/\s*\n\s*/g, "; ");
  return /[.?!]$/.test(oneLine) ? oneLine : `${oneLine}.`;
}

/**
 * Any error oclif raises while reading the command line (unknown flag, missing value, a flag
 * twice, an integer out of range…) as a usage error: exit 64, one line, advice, no internals.
 */
export function usageError(error: unknown, commandId?: string, commands?: CommandList): LabctlError {
  const err = error instanceof Error ? (error as OclifParseError) : new Error(String(error));
  // `labctl help verfy`: oclif's help says only "Command verfy not found."
  const unknown = /^Command (\S+) not found\.?$/.exec(err.message);
  if (unknown?.[1] && commands) return unknownCommandError(unknown[1], commands);
  return new LabctlError(
    sentence(err),
    commandId
      ? `Run \`${commandLine(commandId)} --help\` for its arguments and flags.`
      : "Run `labctl help` for the commands, and `labctl <command> --help` for their arguments and flags.",
    ExitCode.usage,
    "USAGE",
    { cause: error },
  );
}
