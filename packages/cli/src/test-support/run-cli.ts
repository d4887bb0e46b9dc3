import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const BIN = resolve(__dirname, "../../bin/run.js");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Every module file the process loaded. */
  modules: string[];
  home: string;
}

export interface RunOptions {
  /** Added to (and winning over) the test's environment. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** LABCTL_HOME; a fresh folder when not given. */
  home?: string;
  /** Written to the process's stdin (which is closed either way: no terminal). */
  input?: string;
  timeoutMs?: number;
}

function prepare(home?: string) {
  const dir = mkdtempSync(join(tmpdir(), "labctl-cli-"));
  const modulesFile = join(dir, "modules.json");
  const hook = join(dir, "record-modules.js");
  writeFileSync(
    hook,
    `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(modulesFile)}, JSON.stringify(Object.keys(require.cache))));`,
  );
  return { labctlHome: home ?? join(dir, "home"), modulesFile, hook };
}

const childEnv = (home: string, env: NodeJS.ProcessEnv = {}) => ({
  ...process.env,
  LABCTL_HOME: home,
  LABCTL_ENGINE: "",
  CI: "true",
  ...env,
});

function loaded(modulesFile: string): string[] {
  try {
    return JSON.parse(readFileSync(modulesFile, "utf8")) as string[];
  } catch {
    return []; // the process died before exit handlers ran; tests will see the status
  }
}

/** Runs the built `labctl` in a child process with a fresh LABCTL_HOME, recording loaded modules. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, home?: string): CliRun {
  const { labctlHome, modulesFile, hook } = prepare(home);
  const result = spawnSync(process.execPath, ["-r", hook, BIN, ...args], {
    encoding: "utf8",
    env: childEnv(labctlHome, env),
    timeout: 120_000,
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    modules: loaded(modulesFile),
    home: labctlHome,
  };
}

/** The same without blocking, so that a suite can run many at once (see `inPool`). */
export function runCliAsync(args: string[], opts: RunOptions = {}): Promise<CliRun> {
  const { labctlHome, modulesFile, hook } = prepare(opts.home);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["-r", hook, BIN, ...args], {
      env: childEnv(labctlHome, opts.env),
      cwd: opts.cwd,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding("utf8").on("data", (s: string) => {
      stderr += s;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 60_000);
    child.on("error", fail);
    child.on("close", (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr, modules: loaded(modulesFile), home: labctlHome });
    });
    child.stdin.end(opts.input ?? "");
  });
}

/** Runs tasks with at most `size` at a time, results in order. */
export async function inPool<T>(size: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, tasks.length) }, worker));
  return results;
}
