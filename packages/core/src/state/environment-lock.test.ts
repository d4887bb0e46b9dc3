import { existsSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { locksDir, resolveHome } from "../home/labctl-home";
import { environmentLocked, environmentLockFile, withEnvironmentLock } from "./environment-lock";
import { lockDirOf, ownerFileOf } from "./file-lock";
import { writeStateFile } from "./state-file";
import { printed, spawnTs } from "./test-support/spawn-ts";

const newHome = () => resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-lock-")) });
const alice = { classId: "default", lab: "tp03", student: "alice" };

describe("withEnvironmentLock", () => {
  it("refuses a second run of the same environment at once (exit 75), naming the holder", async () => {
    const home = newHome();
    let release = () => {};
    const first = withEnvironmentLock(home, alice, "up", () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 50));
    const second = withEnvironmentLock(home, alice, "down", async () => "ran");
    await expect(second).rejects.toMatchObject({
      exitCode: 75,
      code: "LOCKED",
      message: expect.stringMatching(
        new RegExp(
          `^tp03/alice \\(class default\\) is locked by another labctl run: \`up\`, pid ${process.pid}, since \\d\\d:\\d\\d:\\d\\d\\.$`,
        ),
      ),
      advice: "Wait for it to finish. If that process is gone, the lock expires by itself within 20 s.",
    });
    expect(await environmentLocked(home, alice)).toBe(true);
    release();
    await first;
    // released, holder note gone: the next run goes ahead
    expect(await withEnvironmentLock(home, alice, "down", async () => "ran")).toBe("ran");
    expect(readdirSync(locksDir(home))).toEqual([]);
    expect(await environmentLocked(home, alice)).toBe(false);
  });

  it("names the holder found in between taking the lock and writing its note", async () => {
    const home = newHome();
    const file = environmentLockFile(home, alice);
    mkdirSync(lockDirOf(file), { recursive: true }); // the lock is taken, the note not written yet
    setTimeout(
      () =>
        writeStateFile(ownerFileOf(file), {
          pid: 4242,
          verb: "up",
          host: hostname(),
          startedAt: new Date().toISOString(),
        }),
      200,
    );
    await expect(withEnvironmentLock(home, alice, "down", async () => "ran")).rejects.toMatchObject({
      exitCode: 75,
      message: expect.stringContaining("`up`, pid 4242"),
    });
  });

  it("lets other environments run at the same time", async () => {
    const home = newHome();
    const bob = { ...alice, student: "bob" };
    const both = await Promise.all([
      withEnvironmentLock(home, alice, "up", async () => "a"),
      withEnvironmentLock(home, bob, "up", async () => "b"),
    ]);
    expect(both).toEqual(["a", "b"]);
  });

  it("releases the lock when the work fails", async () => {
    const home = newHome();
    await expect(
      withEnvironmentLock(home, alice, "up", async () => Promise.reject(new Error("boom"))),
    ).rejects.toThrow("boom");
    expect(await withEnvironmentLock(home, alice, "up", async () => 1)).toBe(1);
  });

  it("holds across processes, and a killed holder's lock is taken over once stale", async () => {
    const home = newHome();
    const child = spawnTs("hold-environment-lock-child.ts", [home.root, "2000"]);
    try {
      await printed(child, "locked");
      await expect(withEnvironmentLock(home, alice, "up", async () => "ran", 2000)).rejects.toMatchObject({
        exitCode: 75,
        message: expect.stringContaining(`\`up\`, pid ${child.pid}, since`),
      });
    } finally {
      child.kill("SIGKILL");
    }
    await new Promise((r) => child.once("exit", r));
    expect(existsSync(join(locksDir(home), "default.tp03.alice.lock"))).toBe(true); // kill -9 left it
    // taken over once not refreshed for staleMs (plus the mtime rounding of coarse filesystems)
    const killedAt = Date.now();
    let ran: string | undefined;
    while (!ran && Date.now() - killedAt < 10_000) {
      ran = await withEnvironmentLock(home, alice, "up", async () => "ran", 2000).catch(() => undefined);
      if (!ran) await new Promise((r) => setTimeout(r, 200));
    }
    expect(ran).toBe("ran");
    expect(Date.now() - killedAt).toBeGreaterThan(500);
  }, 30_000);
});
