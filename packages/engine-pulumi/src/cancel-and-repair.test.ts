import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveHome } from "@labctl/core";
import { repairEnvironment } from "./";
import { createPulumiEngine } from "./pulumi-engine";
import { FakeDriver, fakeSpec } from "./test-support/fake-driver";

let root: string;
let driver: FakeDriver;
const engine = () =>
  createPulumiEngine({
    home: resolveHome({ LABCTL_HOME: root }),
    driver,
    pluginVersion: () => "5.2.0",
    cancelGraceMs: 50,
  });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "labctl-cr-"));
  driver = new FakeDriver();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("Ctrl-C", () => {
  it("hands the signal to the CLI, then releases the lock and rejects with cancelled", async () => {
    const controller = new AbortController();
    driver.up = (_stack, opts) =>
      new Promise((_resolve, reject) => {
        opts.signal?.addEventListener("abort", () => reject(new Error("CLI interrupted (SIGINT)")));
        controller.abort();
      });
    await expect(engine().up(fakeSpec("alice"), { signal: controller.signal })).rejects.toMatchObject({
      code: "CANCELLED",
    });
    expect(driver.calls.slice(-2)).toEqual(["up tp03/alice", "cancel tp03/alice"]);
  });

  it("releases the lock after the grace period when the CLI does not stop", async () => {
    const controller = new AbortController();
    driver.up = () => {
      controller.abort();
      return new Promise(() => {});
    };
    await expect(engine().up(fakeSpec("alice"), { signal: controller.signal })).rejects.toMatchObject({
      code: "CANCELLED",
    });
    expect(driver.calls.at(-1)).toBe("cancel tp03/alice");
  });

  it("does not start when already cancelled, and never cancels an operation left alone", async () => {
    const e = engine();
    await expect(e.up(fakeSpec("alice"), { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: "CANCELLED",
    });
    expect(driver.calls).not.toContain("up tp03/alice");
    await e.up(fakeSpec("bob"), { signal: new AbortController().signal });
    expect(driver.calls.filter((c) => c.startsWith("cancel"))).toEqual([]);
  });
});

describe("repair", () => {
  const pending = {
    resource: {
      urn: "urn:pulumi:alice::tp03::docker:index/container:Container::tp03-alice-ghost",
      type: "docker:index/container:Container",
    },
    type: "creating",
  };

  it("releases the lock, clears pending operations, imports the state back, then refreshes", async () => {
    const e = engine();
    await e.up(fakeSpec("alice"));
    const stack = driver.stacks.get("tp03/alice");
    if (!stack) throw new Error("no stack");
    stack.state = { version: 3, deployment: { resources: [{ urn: "r" }], pending_operations: [pending] } };
    driver.calls.length = 0;
    const result = await e.repair(fakeSpec("alice"));
    expect(driver.calls.filter((c) => c.endsWith("tp03/alice"))).toEqual([
      "selectStack tp03/alice",
      "cancel tp03/alice",
      "exportState tp03/alice",
      "importState tp03/alice",
      "refresh tp03/alice",
    ]);
    expect(stack.state.deployment).toEqual({ resources: [{ urn: "r" }] });
    expect(result).toEqual({
      found: true,
      clearedOperations: [
        { operation: "creating", type: "docker:index/container:Container", name: "tp03-alice-ghost" },
      ],
    });
  });

  it("leaves a clean state untouched and reports a missing environment", async () => {
    const e = engine();
    await e.up(fakeSpec("alice"));
    driver.calls.length = 0;
    expect(await e.repair(fakeSpec("alice"))).toEqual({ found: true, clearedOperations: [] });
    expect(driver.calls).not.toContain("importState tp03/alice");
    expect(driver.calls).toContain("refresh tp03/alice");
    expect(await e.repair(fakeSpec("bob"))).toEqual({ found: false, clearedOperations: [] });
  });

  it("is reachable as repairEnvironment for `labctl repair`", async () => {
    await engine().up(fakeSpec("alice"));
    const home = resolveHome({ LABCTL_HOME: root });
    const steps: string[] = [];
    const result = await repairEnvironment(fakeSpec("alice"), {
      home,
      driver,
      pluginVersion: () => "5.2.0",
      onEvent: (e) => (e.kind === "step" ? steps.push(e.message) : undefined),
    });
    expect(result.found).toBe(true);
    expect(steps).toEqual(["Releasing the stack lock", "Refreshing the state from what really exists"]);
  });
});
