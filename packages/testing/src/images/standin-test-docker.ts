import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";

/** Label on every object the stand-in e2e tests create; cleanup removes exactly these. */
export const TEST_LABEL = "dev.labctl.test=standin";
export const LABELLED = ["--label", TEST_LABEL];

const run = promisify(execFile);

/** The docker CLI; resolves with trimmed stdout, rejects with stderr in the message. */
export async function docker(...args: string[]): Promise<string> {
  try {
    const { stdout } = await run("docker", args, { maxBuffer: 16 * 1024 * 1024 });
    return stdout.trim();
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`docker ${args[0]} failed: ${e.stderr?.trim() || e.message}`);
  }
}

/** Unique names for one test file's objects: `labctl-standin-test-<random>-<role>`. */
export function testNames(): (role: string) => string {
  const id = randomBytes(3).toString("hex");
  return (role) => `labctl-standin-test-${id}-${role}`;
}

/** `-e K=V` pairs for `docker run`. */
export const envArgs = (env: Record<string, string>) =>
  Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]);

/** `docker run -d` of a labelled container named `name`; returns the name. */
export async function startContainer(name: string, args: string[]): Promise<string> {
  await docker("run", "-d", "--name", name, ...LABELLED, ...args);
  return name;
}

/** A container's log lines; `stream` keeps only stdout or only stderr. */
export async function logsOf(container: string, stream?: "stdout" | "stderr"): Promise<string[]> {
  const { stdout, stderr } = await run("docker", ["logs", container], { maxBuffer: 16 * 1024 * 1024 });
  return (stream === "stdout" ? stdout : stream === "stderr" ? stderr : `${stdout}${stderr}`).split("\n");
}

/** The real uid of a container's main process. */
export async function mainUid(container: string): Promise<string> {
  const line = await docker("exec", container, "grep", "^Uid:", "/proc/1/status");
  return line.split(/\s+/)[1] ?? "";
}

/** Polls `probe` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** The 127.0.0.1 port a container's `port` is published on (run it with `-p 127.0.0.1::<port>`). */
export async function hostPort(container: string, port: number): Promise<number> {
  const line = (await docker("port", container, `${port}/tcp`)).split("\n")[0] ?? "";
  return Number(line.slice(line.lastIndexOf(":") + 1));
}

/** Removes every container (with its anonymous volumes), network and volume carrying TEST_LABEL. */
export async function removeTestObjects(): Promise<void> {
  const filter = `label=${TEST_LABEL}`;
  const ids = async (...cmd: string[]) =>
    (await docker(...cmd, "--filter", filter)).split("\n").filter(Boolean);
  const containers = await ids("ps", "-aq");
  if (containers.length > 0) await docker("rm", "-fv", ...containers);
  const networks = await ids("network", "ls", "-q");
  if (networks.length > 0) await docker("network", "rm", ...networks);
  const volumes = await ids("volume", "ls", "-q");
  if (volumes.length > 0) await docker("volume", "rm", ...volumes);
}
