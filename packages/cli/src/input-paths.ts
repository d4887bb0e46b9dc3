import { accessSync, constants, statSync } from "node:fs";
import { ExitCode, LabctlError } from "@labctl/sdk";

/**
 * An input file flag (`--roster`) must name a readable file: missing, a folder or unreadable is
 * exit 66 with the flag named, before anything else is read.
 */
export function checkInputFile(flag: string, path: string, what: string): void {
  const fail = (why: string, advice: string) =>
    new LabctlError(
      `${what[0]?.toUpperCase()}${what.slice(1)} ${path} ${why}.`,
      advice,
      ExitCode.missingInput,
      "INPUT_NOT_FOUND",
    );
  if (path.trim() === "") throw fail("(an empty path) was given", `Give ${flag} the ${what} file.`);
  let isFile: boolean;
  try {
    isFile = !statSync(path).isDirectory();
  } catch {
    throw fail("not found", `Check the path given to ${flag} (relative paths start from ${process.cwd()}).`);
  }
  if (!isFile)
    throw fail(
      "is a folder, not a file",
      `Give ${flag} the ${what} file itself, e.g. ${flag} ${path.replace(/\/+$/, "")}/${what}.csv.`,
    );
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw fail(
      "cannot be read (permission denied)",
      `Make it readable (chmod u+r ${path}) or give ${flag} another file.`,
    );
  }
}
