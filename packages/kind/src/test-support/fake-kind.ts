import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What the fake prints and does for one kind command. */
export interface FakeReply {
  /** A file of ./fixtures to print on stderr ({{name}}, {{kubeconfig}} filled in), or the text itself. */
  fixture?: string;
  stderr?: string;
  stdout?: string;
  stdoutFixture?: string;
  exitCode?: number;
  /** Write fixtures/kubeconfig.yaml to --kubeconfig, as a successful create does. */
  writeKubeconfig?: boolean;
  /** Sleep this long before the rest of the output and the exit. */
  sleepMs?: number;
  /** Print this many stderr lines before sleeping (default: all of them). */
  pauseAfterLine?: number;
}

/** Keyed by the command's words: "create cluster", "get clusters", "load docker-image", "version". */
export type FakeReplies = Record<string, FakeReply>;

/** One invocation of the fake, as it recorded it. */
export interface FakeCall {
  argv: string[];
  pid: number;
  /** The content of the --config file, read while kind ran. */
  config?: string;
  kubeconfig?: string;
}

export interface FakeKind {
  binary: string;
  dir: string;
  calls(): Promise<FakeCall[]>;
  remove(): Promise<void>;
}

export const FIXTURES = join(__dirname, "fixtures");

export const fixture = (name: string) => readFile(join(FIXTURES, name), "utf8");

/** Installs a fake `kind` executable in a new temporary folder, replying as `replies` say. */
export async function fakeKind(replies: FakeReplies): Promise<FakeKind> {
  const dir = await mkdtemp(join(tmpdir(), "labctl-fake-kind-"));
  const binary = join(dir, "kind");
  const source = await readFile(join(__dirname, "fake-kind-bin.cjs"), "utf8");
  // The shebang names the Node running the tests: node 22 comes from node_modules/.bin, not PATH.
  await writeFile(binary, source.replace(/^#!.*/, `#!${process.execPath}`));
  await chmod(binary, 0o755);
  await writeFile(join(dir, "script.json"), JSON.stringify({ fixtures: FIXTURES, replies }));
  return {
    binary,
    dir,
    calls: async () => {
      const text = await readFile(join(dir, "calls.jsonl"), "utf8").catch(() => "");
      return text
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as FakeCall);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Whether a process still runs (signal 0 probes without killing). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
