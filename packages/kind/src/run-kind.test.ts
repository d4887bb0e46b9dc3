import { chmod, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { KIND_ENV, kindBinary } from "./kind-binary";
import { commandName, runKind } from "./run-kind";
import { type FakeKind, fakeKind } from "./test-support/fake-kind";

let fake: FakeKind | undefined;
afterEach(async () => {
  await fake?.remove();
  fake = undefined;
});

describe("kindBinary", () => {
  it("is LABCTL_KIND when set, else kind on PATH", () => {
    expect(kindBinary({ [KIND_ENV]: "/opt/kind/bin/kind" })).toBe("/opt/kind/bin/kind");
    expect(kindBinary({ [KIND_ENV]: "  " })).toBe("kind");
    expect(kindBinary({})).toBe("kind");
  });
});

describe("runKind", () => {
  it("says how to install kind when the binary does not exist", async () => {
    fake = await fakeKind({});
    const failure = runKind(["get", "clusters"], { binary: join(fake.dir, "missing", "kind") });
    await expect(failure).rejects.toMatchObject({ code: "KIND_NOT_FOUND", exitCode: 2 });
    await expect(failure).rejects.toMatchObject({ advice: expect.stringContaining("LABCTL_KIND") });
    await expect(failure).rejects.toMatchObject({
      advice: expect.stringContaining("sigs.k8s.io/kind@v0.33.0"),
    });
  });

  it("leaves no timer behind when kind cannot start, so a CLI exits at once", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;
    const before = timers();
    await expect(
      runKind(["version"], { binary: "/nonexistent/kind", timeoutMs: 600_000 }),
    ).rejects.toMatchObject({
      code: "KIND_NOT_FOUND",
    });
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it("says kind is not on PATH when the bare name is not found", async () => {
    await expect(runKind(["version"], { binary: "kind-labctl-test-absent" })).rejects.toMatchObject({
      code: "KIND_NOT_FOUND",
      message: expect.stringContaining("is not on PATH"),
    });
  });

  it("says when the binary is not executable", async () => {
    fake = await fakeKind({});
    const binary = join(fake.dir, "not-executable");
    await writeFile(binary, "#!/bin/sh\n");
    await chmod(binary, 0o644);
    await expect(runKind(["version"], { binary })).rejects.toMatchObject({ code: "KIND_NOT_EXECUTABLE" });
  });

  it("runs $LABCTL_KIND when no binary is passed", async () => {
    fake = await fakeKind({ version: { stdout: "kind v0.33.0 go1.25.1 linux/amd64\n" } });
    const saved = process.env[KIND_ENV];
    process.env[KIND_ENV] = fake.binary;
    try {
      expect((await runKind(["version"])).stdout).toBe("kind v0.33.0 go1.25.1 linux/amd64");
    } finally {
      if (saved === undefined) delete process.env[KIND_ENV];
      else process.env[KIND_ENV] = saved;
    }
  });

  it("returns a failing run's exit code and output", async () => {
    fake = await fakeKind({ "get clusters": { stderr: "ERROR: boom\n", stdout: "partial\n", exitCode: 3 } });
    expect(await runKind(["get", "clusters"], { binary: fake.binary })).toEqual({
      args: ["get", "clusters"],
      exitCode: 3,
      stdout: "partial",
      stderr: "ERROR: boom",
    });
  });
});

describe("commandName", () => {
  it.each([
    [["create", "cluster", "--name", "x"], "kind create cluster"],
    [["load", "docker-image", "nginx:1.27", "--name", "x"], "kind load docker-image"],
    [["version"], "kind version"],
  ])("names %j", (args, name) => {
    expect(commandName(args)).toBe(name);
  });
});
