// Helpers for the class e2e tests (the built CLI on the real engine, stand-in images).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { listAll } from "@labctl/docker";
import Docker from "dockerode";
import { type CliRun, runCli } from "./test-support/run-cli";

export interface ClassSandbox {
  dir: string;
  home: string;
  env: NodeJS.ProcessEnv;
  /** Runs the built `labctl` to completion. */
  labctl(...args: string[]): CliRun;
  /** Starts the built `labctl` and returns the process (for Ctrl-C tests). */
  start(...args: string[]): { child: ChildProcess; exit: Promise<number | null>; stderr: () => string };
  /** The class run record, when there is one. */
  lastRun(
    classId: string,
    lab: string,
  ): { runs: Record<string, { students: Record<string, { state: string }> }> } | undefined;
}

export function classSandbox(portBase: number): ClassSandbox {
  const dir = mkdtempSync(join(tmpdir(), "labctl-class-e2e-"));
  const home = join(dir, "home");
  mkdirSync(home);
  writeFileSync(join(home, "config.yaml"), `engine: docker\nportBase: ${portBase}\n`);
  const env = { LABCTL_IMAGE_MAP: process.env.LABCTL_TEST_IMAGE_MAP ?? "", LABCTL_ENGINE: "" };
  return {
    dir,
    home,
    env,
    labctl: (...args) => runCli(args, env, home),
    start(...args) {
      const child = spawn(process.execPath, [resolve(__dirname, "../bin/run.js"), ...args], {
        env: { ...process.env, ...env, LABCTL_HOME: home, CI: "true" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString("utf8");
      });
      child.stdout?.resume();
      const exit = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
      return { child, exit, stderr: () => stderr };
    },
    lastRun(classId, lab) {
      try {
        return JSON.parse(readFileSync(join(home, "classes", classId, lab, "last-run.json"), "utf8"));
      } catch {
        return undefined;
      }
    },
  };
}

/** Every object (Swarm services, secrets and configs included) still labelled for a class. */
export async function classLeftovers(classId: string): Promise<string[]> {
  return (await listAll(new Docker(), { "dev.labctl.class": classId })).map((o) => `${o.kind} ${o.name}`);
}

/** Student -> the networks their running containers are on. */
export async function studentNetworks(classId: string, lab: string): Promise<Map<string, Set<string>>> {
  const docker = new Docker();
  const filters = { label: [`dev.labctl.class=${classId}`, `dev.labctl.lab=${lab}`], status: ["running"] };
  const map = new Map<string, Set<string>>();
  for (const c of await docker.listContainers({ filters })) {
    const student = c.Labels["dev.labctl.student"] ?? "";
    const nets = map.get(student) ?? new Set<string>();
    for (const name of Object.keys(c.NetworkSettings?.Networks ?? {})) nets.add(name);
    map.set(student, nets);
  }
  return map;
}
