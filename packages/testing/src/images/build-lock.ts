import { mkdir, open, readFile, rm, stat } from "node:fs/promises";
import * as path from "node:path";

const POLL_MS = 2_000;

/**
 * Runs `fn` while holding an exclusive lock file (created with O_EXCL, holding our pid), so two
 * processes never build the same image at once. A lock whose process is gone is taken over.
 */
export async function withBuildLock<T>(
  lockFile: string,
  fn: () => Promise<T>,
  onWait?: (pid: number) => void,
): Promise<T> {
  await mkdir(path.dirname(lockFile), { recursive: true });
  let told = false;
  for (;;) {
    try {
      const handle = await open(lockFile, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number.parseInt(await readFile(lockFile, "utf8").catch(() => ""), 10);
      // An empty file is a lock being written right now, unless it has been empty for long.
      const stale = Number.isInteger(owner) ? !isAlive(owner) : await olderThan(lockFile, 10_000);
      if (stale) {
        await rm(lockFile, { force: true });
        continue;
      }
      if (!told && onWait) onWait(owner);
      told = true;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockFile, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function olderThan(file: string, ms: number): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > ms;
}
