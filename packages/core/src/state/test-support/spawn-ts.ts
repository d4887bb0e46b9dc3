import { type ChildProcess, spawn } from "node:child_process";
import { isAbsolute, join } from "node:path";

/** Starts `script` (a .ts file: a path, or a name in this folder) in a separate node process. */
export function spawnTs(script: string, args: string[]): ChildProcess {
  const file = isAbsolute(script) ? script : join(__dirname, script);
  return spawn(process.execPath, [join(__dirname, "ts-child.js"), file, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Resolves with the child's stdout once it exits 0; rejects with its stderr otherwise. */
export function finished(child: ChildProcess): Promise<string> {
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (err += d));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`)))),
  );
}

/** Resolves once the child printed `line` on stdout. */
export function printed(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d) => {
      out += d;
      if (out.split("\n").includes(line)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`child exited (${code}) before printing ${line}`)));
  });
}
