import { join } from "node:path";
import type { EnvironmentKey } from "@labctl/sdk";
import { check } from "proper-lockfile";
import { ExitCode, LabctlError } from "../errors";
import { type LabctlHome, locksDir } from "../home/labctl-home";
import { validId } from "../naming/valid-id";
import { describeOwner, lockDirOf, withFileLock } from "./file-lock";

/** A lock not refreshed for this long (its holder was killed) is taken over by the next run. */
export const ENVIRONMENT_LOCK_STALE_MS = 20_000;

/** `<home>/locks/<class>.<lab>.<student>`: ids are slugs, so the dots cannot be ambiguous. */
export const environmentLockFile = (home: LabctlHome, env: EnvironmentKey): string =>
  join(
    locksDir(home),
    `${validId("class", env.classId)}.${validId("lab", env.lab)}.${validId("student", env.student)}`,
  );

/**
 * One run at a time per environment, whatever the engine: `up`, `down`, `preview`, `repair`
 * (and the class verbs, which call them) hold this lock for their whole run. A second run is
 * refused at once (exit 75) with who holds it, rather than racing on Docker names or stacks.
 */
export async function withEnvironmentLock<T>(
  home: LabctlHome,
  env: EnvironmentKey,
  verb: string,
  work: () => Promise<T>,
  staleMs = ENVIRONMENT_LOCK_STALE_MS,
): Promise<T> {
  return withFileLock(
    environmentLockFile(home, env),
    {
      verb,
      waitMs: 0,
      staleMs,
      busy: (owner) =>
        new LabctlError(
          `${env.lab}/${env.student} (class ${env.classId}) is locked by another labctl run${describeOwner(owner)}.`,
          `Wait for it to finish. If that process is gone, the lock expires by itself within ${Math.round(staleMs / 1000)} s.`,
          ExitCode.locked,
          "LOCKED",
        ),
    },
    work,
  );
}

/** True while a live run holds the environment's lock (not a killed run's, once stale). */
export async function environmentLocked(home: LabctlHome, env: EnvironmentKey): Promise<boolean> {
  const file = environmentLockFile(home, env);
  try {
    return await check(file, {
      lockfilePath: lockDirOf(file),
      realpath: false,
      stale: ENVIRONMENT_LOCK_STALE_MS,
    });
  } catch {
    return false;
  }
}
