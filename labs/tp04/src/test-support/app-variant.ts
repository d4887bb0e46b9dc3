import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUNDLED_APP_DIR } from "../app-source";

const made: string[] = [];

/**
 * A copy of the reference app folder whose Dockerfile went through `edit`: what a student's
 * own attempt looks like. Throws when the edit changed nothing, so a break cannot silently
 * test the reference instead.
 */
export function appVariant(edit: (dockerfile: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "tp04-variant-"));
  made.push(dir);
  cpSync(BUNDLED_APP_DIR, dir, { recursive: true });
  const path = join(dir, "Dockerfile");
  const original = readFileSync(path, "utf8");
  const edited = edit(original);
  if (edited === original) throw new Error("appVariant: the edit left the Dockerfile unchanged");
  writeFileSync(path, edited);
  return dir;
}

/** Replaces `pattern` in a Dockerfile, insisting that it is there. */
export const replacing = (pattern: RegExp | string, replacement: string) => (text: string) => {
  if (!(typeof pattern === "string" ? text.includes(pattern) : pattern.test(text)))
    throw new Error(`appVariant: ${pattern} is not in the Dockerfile`);
  return text.replace(pattern, replacement);
};

export function removeVariants(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
