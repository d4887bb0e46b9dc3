import { StringDecoder } from "node:string_decoder";
import { ExitCode, LabctlError } from "@labctl/sdk";
import execa from "execa";
import { INSTALL_KIND, kindBinary } from "./kind-binary";

/** What every call of the wrapper accepts. */
export interface KindOptions {
  /** The kind executable; default $LABCTL_KIND or `kind` on PATH. */
  binary?: string;
  /** Kill kind after this long; default 2 minutes (10 to create a cluster or load images). */
  timeoutMs?: number;
  /** Aborting kills kind. */
  signal?: AbortSignal;
}

/** One finished kind command. */
export interface KindRun {
  args: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A kind command that failed, as kind said it: the cause kept under the error shown to people. */
export class KindCommandError extends Error {
  constructor(readonly run: KindRun) {
    super(
      `${commandName(run.args)} exited with code ${run.exitCode}: ${run.stderr.trim() || run.stdout.trim()}`,
    );
    this.name = "KindCommandError";
  }
}

export const DEFAULT_TIMEOUT_MS = 120_000;

/** `kind create cluster` for `["create", "cluster", "--name", …]`: the command without its arguments. */
export function commandName(args: string[]): string {
  const words = ["kind"];
  for (const arg of args) {
    if (arg.startsWith("-") || words.length === 3) break;
    words.push(arg);
  }
  return words.join(" ");
}

/** Calls `onLine` with each complete line of a stream, splitting on "\r" too (spinner redraws). */
function lineSplitter(onLine: (line: string) => void) {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  const emit = (text: string, flush: boolean) => {
    const parts = (pending + text).split(/\r\n|\n|\r/);
    pending = flush ? "" : (parts.pop() ?? "");
    for (const line of parts) onLine(line);
  };
  return {
    write: (chunk: Buffer) => emit(decoder.write(chunk), false),
    end: () => emit(decoder.end(), true),
  };
}

/**
 * Runs kind and returns what it printed, whatever its exit code (callers map failures with
 * `kindFailure`). Throws a LabctlError itself when kind cannot run, times out or is cancelled.
 */
export async function runKind(
  args: string[],
  options: KindOptions & {
    onStderrLine?: (line: string) => void;
    /** The cluster a kill may leave half-created, named in the advice. */
    creating?: string;
  } = {},
): Promise<KindRun> {
  const binary = options.binary ?? kindBinary();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const name = commandName(args);
  if (options.signal?.aborted) throw cancelled(name, leftover(options.creating));
  // The timeout is ours, not execa's: execa 5 leaves its timer running when the spawn fails
  // (kind not found), which would hold the process open for the whole timeout.
  const child = execa(binary, args, { reject: false, stdin: "ignore" });
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    child.kill("SIGTERM", { forceKillAfterTimeout: 5_000 });
  }, timeoutMs);
  const onAbort = () => child.cancel();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const { onStderrLine } = options;
  if (onStderrLine && child.stderr) {
    const lines = lineSplitter(onStderrLine);
    child.stderr.on("data", lines.write);
    child.stderr.on("end", lines.end);
  }
  try {
    const result = await child;
    const run: KindRun = {
      args,
      exitCode: result.exitCode ?? -1,
      stdout: result.stdout,
      stderr: result.stderr,
    };
    const code = (result as { code?: string }).code;
    if (code === "ENOENT") throw notFound(binary);
    if (code === "EACCES") throw notExecutable(binary);
    if (result.isCanceled) throw cancelled(name, leftover(options.creating), run);
    if (expired) throw timedOut(name, timeoutMs, leftover(options.creating), run);
    return run;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

const notFound = (binary: string) =>
  new LabctlError(
    binary.includes("/")
      ? `The kind binary was not found at ${binary}.`
      : `The kind binary was not found: \`${binary}\` is not on PATH.`,
    INSTALL_KIND,
    ExitCode.infrastructure,
    "KIND_NOT_FOUND",
  );

const notExecutable = (binary: string) =>
  new LabctlError(
    `The kind binary ${binary} cannot be executed (permission denied).`,
    `Make it executable (\`chmod +x ${binary}\`), or: ${INSTALL_KIND}`,
    ExitCode.infrastructure,
    "KIND_NOT_EXECUTABLE",
  );

/** What to say about a cluster kind was creating when it was killed. */
const leftover = (cluster?: string) =>
  cluster ? ` Its nodes may be left: remove them with \`kind delete cluster --name ${cluster}\`.` : "";

const timedOut = (name: string, timeoutMs: number, left: string, run: KindRun) =>
  new LabctlError(
    `\`${name}\` did not finish within ${Math.round(timeoutMs / 1000)}s and was stopped.`,
    `Check that Docker is responsive (\`docker info\`), then retry.${left}`,
    ExitCode.infrastructure,
    "KIND_TIMEOUT",
    { cause: new KindCommandError(run) },
  );

const cancelled = (name: string, left: string, run?: KindRun) =>
  new LabctlError(
    `\`${name}\` was cancelled.`,
    `Run the command again when you are ready.${left}`,
    ExitCode.interrupted,
    "KIND_CANCELLED",
    run && { cause: new KindCommandError(run) },
  );
