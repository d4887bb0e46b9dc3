import { type ErrorContext, toLabctlError } from "@labctl/core";
import { isLabctlError, type LabctlError } from "@labctl/sdk";
import * as Errors from "@oclif/core/errors";
import type { CommandList } from "./unknown-command";
import { usageError } from "./usage-error";

/** `--json` on the command line (before `--`), or LABCTL_CONTENT_TYPE=json as oclif reads it. */
export function wantsJson(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const end = argv.indexOf("--");
  const json = argv.indexOf("--json");
  return (json !== -1 && (end === -1 || json < end)) || env.LABCTL_CONTENT_TYPE?.toLowerCase() === "json";
}

/** `this.exit(n)` inside oclif: its code, nothing to print. */
const exitOnly = (e: unknown): number | undefined =>
  e instanceof Errors.ExitError ? (e.oclif.exit ?? 0) : undefined;

/**
 * Every failure as a LabctlError: labctl's own as they are, oclif's command-line errors as
 * usage errors (64), Node's and unknown ones mapped by core's toLabctlError.
 */
export function asLabctlError(
  error: unknown,
  opts: { commandId?: string; ctx?: ErrorContext; commands?: CommandList } = {},
): LabctlError {
  if (isLabctlError(error)) return error;
  if (error instanceof Errors.CLIError && error.name !== "ModuleLoadError")
    return usageError(error, opts.commandId, opts.commands);
  return toLabctlError(error, opts.ctx);
}

export interface RenderOptions {
  json: boolean;
  commandId?: string;
  ctx?: ErrorContext;
  /** The command list, for "did you mean" when `labctl help <typo>` fails. */
  commands?: CommandList;
  env?: NodeJS.ProcessEnv;
  stdout?: Pick<NodeJS.WriteStream, "write">;
  stderr?: Pick<NodeJS.WriteStream, "write">;
}

/**
 * The one place labctl prints a failure: with --json one document on stdout,
 * `{"error":{code,message,advice,exitCode}}`; otherwise two lines on stderr. Returns the exit code.
 */
export function renderFailure(error: unknown, opts: RenderOptions): number {
  const exit = exitOnly(error);
  if (exit !== undefined) return exit;
  const e = asLabctlError(error, opts);
  const body = { code: e.code, message: e.message, advice: e.advice, exitCode: e.exitCode };
  if (opts.json) (opts.stdout ?? process.stdout).write(`${JSON.stringify({ error: body }, null, 2)}\n`);
  else (opts.stderr ?? process.stderr).write(`Error: ${e.message}\n${e.advice}\n`);
  // DEBUG=labctl: where it happened, for a bug report (on stderr, so --json stays one document).
  const cause = e.cause instanceof Error ? e.cause : e;
  if (/labctl/.test(opts.env?.DEBUG ?? process.env.DEBUG ?? ""))
    (opts.stderr ?? process.stderr).write(`${cause.stack}\n`);
  return e.exitCode;
}
