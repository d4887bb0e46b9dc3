import { accessSync, constants, type Stats, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { toLabctlError } from "@labctl/core";
import { ExitCode, LabctlError } from "@labctl/sdk";

const stat = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

const writable = (path: string) => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

const bad = (message: string, advice: string) =>
  new LabctlError(message, advice, ExitCode.usage, "BAD_OUTPUT_PATH");

/**
 * Fails fast (exit 64) when an output file flag (`--junit`, `--markdown`) cannot be written:
 * checked right after parsing, so a long verify never fails at its very end.
 */
export function checkOutputFile(flag: string, path: string | undefined): void {
  if (path === undefined) return;
  if (path.trim() === "")
    throw bad(`${flag} was given an empty path.`, `Give ${flag} a file path, e.g. ${flag} out/results.xml.`);
  const target = stat(path);
  if (target?.isDirectory())
    throw bad(
      `${flag} ${path} is a folder, not a file.`,
      `Give ${flag} a file path inside it, e.g. ${path}/results.`,
    );
  const parent = dirname(resolve(path));
  const folder = stat(parent);
  if (!folder)
    throw bad(
      `${flag} ${path}: the folder ${parent} does not exist.`,
      `Create it first (mkdir -p ${parent}) or give ${flag} another path.`,
    );
  if (!folder.isDirectory())
    throw bad(
      `${flag} ${path}: ${parent} is a file, not a folder.`,
      `Give ${flag} a path in an existing folder.`,
    );
  if (!writable(target ? path : parent))
    throw bad(
      `${flag} ${path} cannot be written (no permission or a read-only file system).`,
      `Give ${flag} a path you can write.`,
    );
}

/**
 * A file-system error under an output flag's path (it changed since the check) as a usage error
 * naming that flag; any other error is returned as it is.
 */
export function blameFlag(error: unknown, flag: string, path: string | undefined): unknown {
  const failed = (error as { path?: unknown } | undefined)?.path;
  if (path === undefined || typeof failed !== "string") return error;
  const root = resolve(path);
  const at = resolve(failed);
  return at === root || at.startsWith(`${root}/`) ? toLabctlError(error, { flag }) : error;
}

/**
 * Why `path` cannot be used as a folder labctl writes into (created when missing), or undefined:
 * the nearest part of it that exists must be a folder you can write.
 */
export function folderProblem(path: string): string | undefined {
  const target = resolve(path);
  let existing = target;
  while (!stat(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (!stat(existing)?.isDirectory())
    return `${existing === target ? path : existing} is a file, not a folder`;
  if (!writable(existing)) return `${existing} is not writable (no permission or a read-only file system)`;
  return undefined;
}

/** The same for an output folder (`--out`): an existing folder you can write, or one labctl can create. */
export function checkOutputDir(flag: string, path: string | undefined): void {
  if (path === undefined) return;
  if (path.trim() === "")
    throw bad(`${flag} was given an empty path.`, `Give ${flag} a folder, e.g. ${flag} report/.`);
  const problem = folderProblem(path);
  if (problem)
    throw bad(`${flag} ${problem}.`, `Give ${flag} a folder you can write (it is created when missing).`);
}

/** labctl's home must be a folder it can write (exit 2: the machine's set-up, not the command line). */
export function checkHome(root: string): void {
  const problem = folderProblem(root);
  if (!problem) return;
  throw new LabctlError(
    `LABCTL_HOME ${root} cannot be used: ${problem}.`,
    "Point LABCTL_HOME at a folder you own (default ~/.labctl), or fix the path's permissions.",
    ExitCode.infrastructure,
    "HOME_UNUSABLE",
  );
}
