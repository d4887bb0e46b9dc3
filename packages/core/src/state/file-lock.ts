import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { lock } from "proper-lockfile";
import { z } from "zod";
import { ExitCode, LabctlError } from "../errors";
import { readStateFile, removeStateFile, writeStateFile } from "./state-file";

/** Who holds a lock, written beside it by the holder (for the message the next run prints). */
export interface LockOwner {
  pid: number;
  verb: string;
  host: string;
  startedAt: string;
}

const ownerSchema = z.object({ pid: z.number(), verb: z.string(), host: z.string(), startedAt: z.string() });

export interface FileLockOptions {
  /** What the holder is doing ("up", "allocate ports"), recorded for the others. */
  verb: string;
  /** How long to wait for the holder to finish before giving up (0: give up at once). */
  waitMs: number;
  /**
   * The holder refreshes its lock every staleMs/2; a lock not refreshed for staleMs belongs to
   * a process that died (kill -9, power loss) and is taken over.
   */
  staleMs: number;
  /** The LOCKED error (exit 75) to throw when the lock stays held; `owner` when known. */
  busy: (owner: LockOwner | undefined) => LabctlError;
}

export const lockDirOf = (file: string) => `${file}.lock`;
export const ownerFileOf = (file: string) => `${file}.owner.json`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The recorded holder of `file`'s lock, if it could be read (it is advisory only). */
export function lockOwner(file: string): LockOwner | undefined {
  try {
    return readStateFile(ownerFileOf(file), { what: "The lock owner file", schema: ownerSchema });
  } catch {
    return undefined;
  }
}

/**
 * The holder writes its note just after it took the lock: a run that finds the lock a moment
 * later may be in between, so it looks again for a little while before naming nobody.
 */
async function ownerSoon(file: string, waitMs = 1_000): Promise<LockOwner | undefined> {
  for (const deadline = Date.now() + waitMs; ; await sleep(50)) {
    const owner = lockOwner(file);
    if (owner || Date.now() >= deadline) return owner;
  }
}

/**
 * Runs `work` holding an inter-process lock on `file` (a `<file>.lock` folder: mkdir is atomic
 * on every filesystem, including NFS). The lock is released however `work` ends, and by the
 * process exit handler on Ctrl-C; a killed holder's lock expires after `staleMs`.
 */
export async function withFileLock<T>(
  file: string,
  opts: FileLockOptions,
  work: () => Promise<T> | T,
): Promise<T> {
  const cannotLock = (error: unknown) =>
    new LabctlError(
      `Cannot create the lock ${lockDirOf(file)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      "Check that your user can write to LABCTL_HOME.",
      ExitCode.infrastructure,
      "LOCK_FAILED",
    );
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw cannotLock(error);
  }
  const deadline = Date.now() + opts.waitMs;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lock(file, {
        lockfilePath: lockDirOf(file),
        realpath: false,
        stale: opts.staleMs,
        // A lock found taken over (the event loop stalled past staleMs) must not crash the run
        // from a timer: the work goes on, and release below tolerates the lost lock.
        onCompromised: () => {},
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw cannotLock(error);
      if (Date.now() >= deadline) throw opts.busy(await ownerSoon(file));
      await sleep(Math.min(100 + Math.random() * 150, Math.max(10, deadline - Date.now())));
    }
  }
  const me: LockOwner = {
    pid: process.pid,
    verb: opts.verb,
    host: hostname(),
    startedAt: new Date().toISOString(),
  };
  try {
    writeStateFile(ownerFileOf(file), me);
    return await work();
  } finally {
    // Not another run's note, should ours have been taken over meanwhile.
    const owner = lockOwner(file);
    if (owner?.pid === me.pid && owner.startedAt === me.startedAt) removeStateFile(ownerFileOf(file));
    await release().catch(() => {});
  }
}

/** "pid 1234, since 17:03:05" (+ " on host" when another machine shares the home). */
export function describeOwner(owner: LockOwner | undefined): string {
  if (!owner) return "";
  const since = new Date(owner.startedAt).toLocaleTimeString("en-GB", { hour12: false });
  const host = owner.host !== hostname() ? ` on ${owner.host}` : "";
  return `: \`${owner.verb}\`, pid ${owner.pid}${host}, since ${since}`;
}
