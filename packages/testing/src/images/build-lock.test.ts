import { mkdtemp, writeFile } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { withBuildLock } from "./build-lock";

const lockFile = async () => path.join(await mkdtemp(path.join(os.tmpdir(), "labctl-lock-")), "x.lock");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("withBuildLock", () => {
  it("runs holders one after the other and tells the waiter who holds the lock", async () => {
    const file = await lockFile();
    const events: string[] = [];
    const waits: number[] = [];
    const job = (name: string) => async () => {
      events.push(`${name} start`);
      await sleep(50);
      events.push(`${name} end`);
    };
    await Promise.all([
      withBuildLock(file, job("a")),
      sleep(10).then(() => withBuildLock(file, job("b"), (pid) => waits.push(pid))),
    ]);
    expect(events).toEqual(["a start", "a end", "b start", "b end"]);
    expect(waits).toEqual([process.pid]);
  });

  it("takes over a lock left by a dead process and releases it after a failure", async () => {
    const file = await lockFile();
    await writeFile(file, "999999999");
    await expect(withBuildLock(file, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(withBuildLock(file, async () => "second")).resolves.toBe("second");
  });
});
