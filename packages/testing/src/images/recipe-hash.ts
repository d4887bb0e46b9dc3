import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import * as path from "node:path";

/**
 * A digest of everything a recipe folder holds (paths, contents, executable bits) plus extra
 * inputs (base image ids, host facts the build bakes in). Equal digest = nothing to rebuild.
 */
export async function hashRecipe(dir: string, extras: readonly string[] = []): Promise<string> {
  const hash = createHash("sha256");
  for (const file of await listFiles(dir)) {
    const full = path.join(dir, file);
    const executable = ((await stat(full)).mode & 0o111) !== 0;
    const content = createHash("sha256")
      .update(await readFile(full))
      .digest("hex");
    hash.update(`file ${file} ${executable ? "x" : "-"} ${content}\n`);
  }
  for (const extra of extras) hash.update(`extra ${extra}\n`);
  return hash.digest("hex");
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(dir, rel)));
    else files.push(rel);
  }
  return files;
}
