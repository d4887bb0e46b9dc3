import { spawnSync } from "node:child_process";
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

/** Runs the built `labctl` in a child process with a fresh LABCTL_HOME, recording loaded modules. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, home?: string): CliRun {
  const dir = mkdtempSync(join(tmpdir(), "labctl-cli-"));
  const labctlHome = home ?? join(dir, "home");
  const modulesFile = join(dir, "modules.json");
  const hook = join(dir, "record-modules.js");
  writeFileSync(
    hook,
    `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(modulesFile)}, JSON.stringify(Object.keys(require.cache))));`,
  );
  const result = spawnSync(process.execPath, ["-r", hook, BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, LABCTL_HOME: labctlHome, LABCTL_ENGINE: "", CI: "true", ...env },
    timeout: 120_000,
  });
  let modules: string[] = [];
  try {
    modules = JSON.parse(readFileSync(modulesFile, "utf8")) as string[];
  } catch {
    // the process died before exit handlers ran; tests will see the status
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, modules, home: labctlHome };
}
