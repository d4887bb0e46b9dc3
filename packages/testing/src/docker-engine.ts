// Test-only: jest's globalSetup for the engine tier calls ensureDockerEngine() so that engine
// tests find a Docker Engine, installing and starting Debian's docker.io when none answers.
// Nothing in labctl itself installs software on a user's machine.
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { readFile } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import Docker from "dockerode";
import { aptEnv, commandExists } from "./images/host-commands";
import { runLogged } from "./images/run-logged";

/** The outside world ensureDockerEngine acts on (tests inject fakes). */
export interface DockerEngineHost {
  /** Whether an engine answers at DOCKER_HOST or the default socket. */
  ping(): Promise<boolean>;
  /** Contents of /etc/os-release, undefined when absent. */
  osRelease(): Promise<string | undefined>;
  uid(): number;
  dockerHost: string | undefined;
  commandExists(command: string): Promise<boolean>;
  /** Runs a command to completion; rejects when it fails. */
  exec(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void>;
  /** Starts dockerd detached (it outlives the test run), output to `logFile`. */
  startDaemon(logFile: string): void;
  sleep(ms: number): Promise<void>;
}

export interface EnsureDockerEngineOptions {
  /** How long to wait for a started dockerd to answer (default 60 s). */
  timeoutMs?: number;
  log?: (line: string) => void;
  host?: Partial<DockerEngineHost>;
}

/** "running": an engine already answered; "started": this call installed and/or started one. */
export async function ensureDockerEngine(
  opts: EnsureDockerEngineOptions = {},
): Promise<"running" | "started"> {
  const host = { ...realHost(), ...opts.host };
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (await host.ping()) return "running";

  const dockerHost = host.dockerHost;
  if (dockerHost && dockerHost !== "unix:///var/run/docker.sock") {
    throw new Error(
      `No Docker engine answers at DOCKER_HOST=${dockerHost}: start that engine, or unset DOCKER_HOST to use a local one.`,
    );
  }
  if (host.uid() !== 0 || !isDebianLike(await host.osRelease())) {
    throw new Error(
      "No Docker engine answers at /var/run/docker.sock: start Docker (or point DOCKER_HOST at one), or run the tests as root on Debian/Ubuntu so they can install docker.io.",
    );
  }
  if (!(await host.commandExists("dockerd"))) {
    log("[docker-engine] installing Debian's docker.io with apt-get");
    await host.exec("apt-get", ["update"], aptEnv());
    // A package's attempt to start its service can fail without an init system: only the binary matters.
    const installed = host.exec(
      "apt-get",
      ["install", "-y", "--no-install-recommends", "docker.io"],
      aptEnv(),
    );
    const failure = await installed.then(
      () => undefined,
      (err: Error) => err,
    );
    if (!(await host.commandExists("dockerd"))) {
      throw new Error(
        `Installing docker.io failed: ${failure?.message ?? "dockerd is still missing"}. Install Docker by hand, then rerun the tests.`,
      );
    }
  }
  const logFile = path.join(os.tmpdir(), "labctl-dockerd.log");
  log(`[docker-engine] starting dockerd, log: ${logFile}`);
  host.startDaemon(logFile);
  const timeoutMs = opts.timeoutMs ?? 60_000;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (await host.ping()) return "started";
    await host.sleep(1_000);
  }
  throw new Error(
    `dockerd did not answer within ${Math.round(timeoutMs / 1000)} s: see ${logFile}, fix the cause, then rerun the tests.`,
  );
}

/** Debian, Ubuntu and their derivatives (ID or ID_LIKE), where apt-get can install docker.io. */
export function isDebianLike(osRelease: string | undefined): boolean {
  const field = (name: string) =>
    new RegExp(`^${name}="?([^"\\n]*)"?$`, "m").exec(osRelease ?? "")?.[1] ?? "";
  return [field("ID"), ...field("ID_LIKE").split(/\s+/)].some((id) => id === "debian" || id === "ubuntu");
}

function realHost(): DockerEngineHost {
  return {
    async ping() {
      try {
        await new Docker({ timeout: 5_000 }).ping();
        return true;
      } catch {
        return false;
      }
    },
    osRelease: () => readFile("/etc/os-release", "utf8").catch(() => undefined),
    uid: () => process.getuid?.() ?? -1,
    dockerHost: process.env.DOCKER_HOST,
    commandExists: (command) => commandExists(command),
    exec: (command, args, env) =>
      runLogged(command, args, { env, logFile: path.join(os.tmpdir(), "labctl-docker-install.log") }),
    startDaemon(logFile) {
      const out = openSync(logFile, "a");
      const env = { ...process.env, PATH: `${process.env.PATH ?? ""}:/usr/local/sbin:/usr/sbin:/sbin` };
      spawn("dockerd", [], { detached: true, stdio: ["ignore", out, out], env }).unref();
      closeSync(out);
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}
