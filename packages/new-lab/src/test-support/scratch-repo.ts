import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";

/** What the copy leaves out: installed and built things, git, caches. */
const SKIPPED = new Set(["node_modules", "dist", ".git", ".turbo", "coverage", ".labctl-test"]);

/**
 * A copy of the working tree (tracked or not, as it is now) in a temporary folder, without
 * node_modules, builds and git; each node_modules folder is a link to the real one, so tools
 * and dependencies resolve as they do in the repository.
 */
export function scratchRepo(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), "labctl-new-lab-"));
  cpSync(root, dir, {
    recursive: true,
    filter: (src) => !SKIPPED.has(basename(src)) && !src.endsWith(".tsbuildinfo"),
  });
  const workspaces = ["packages", "labs"].flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group)).map((name) => join(root, group, name))
      : [],
  );
  for (const from of [root, ...workspaces]) {
    const modules = join(from, "node_modules");
    if (existsSync(modules)) symlinkSync(modules, join(dir, relative(root, modules)), "dir");
  }
  return dir;
}

export interface Ran {
  code: number;
  /** stdout and stderr, for assertions and for a failure's message. */
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; never rejects (the exit code is part of the answer). */
export function run(command: string, args: string[], cwd: string): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
