import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import writeFileAtomic from "write-file-atomic";
import type { z } from "zod";
import { ExitCode, LabctlError } from "../errors";

/**
 * The one way labctl keeps a file of its own (records, ports, secrets, outputs, class runs,
 * verify results, student ids): JSON checked against a schema on read, written atomically
 * (temp file, fsync, rename) so a crash leaves the old or the new content, never half of one.
 * Every file is private (0600, folders 0700): they name students and some hold passwords.
 */

/** What the file holds, for messages: "the environment record", "the port allocations". */
export interface StateFileKind<T> {
  what: string;
  schema: z.ZodType<T>;
  /** What to do when the file is corrupt (default: restore it or move it away). */
  advice?: string;
}

/**
 * The file's content, or undefined when it does not exist. Anything else (unreadable, not JSON,
 * the wrong shape) is a LabctlError naming the file: what cannot be read is never taken as absent.
 */
export function readStateFile<T>(file: string, kind: StateFileKind<T>): T | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw corrupt(
      file,
      kind,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corrupt(file, kind, `is not valid JSON (${(error as Error).message})`);
  }
  const parsed = kind.schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`)
      .join("; ");
    throw corrupt(file, kind, `does not have the expected shape (${problems})`);
  }
  return parsed.data;
}

/** Writes `value` as JSON atomically and privately, creating the folders it needs. */
export function writeStateFile(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileAtomic.sync(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
}

/** Removes a state file; a missing one is fine. */
export function removeStateFile(file: string): void {
  rmSync(file, { force: true });
}

export function corrupt<T>(file: string, kind: StateFileKind<T>, problem: string): LabctlError {
  return new LabctlError(
    `${kind.what} ${file} ${problem}.`,
    kind.advice ??
      "labctl leaves it alone and touches nothing that depends on it: restore it from a backup, or move it away if you know the environment is gone.",
    ExitCode.badInput,
    "STATE_CORRUPT",
  );
}
