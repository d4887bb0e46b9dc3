import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LabctlHome, resolveHome } from "@labctl/core";
import type { EngineEvent, LabctlError } from "@labctl/sdk";
import { createPulumiEngine } from "./pulumi-engine";
import { emitResource, FakeDriver, fakeSpec as spec } from "./test-support/fake-driver";

const lab = spec("x").lab;

let dir: string;
let home: LabctlHome;
let driver: FakeDriver;
const engine = () => createPulumiEngine({ home, driver, pluginVersion: () => "5.2.0" });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "labctl-pe-"));
  home = resolveHome({ LABCTL_HOME: join(dir, "home") });
  driver = new FakeDriver();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("preflight", () => {
  it("with a CLI found, creates the passphrase (0600) and the state directory", async () => {
    await engine().preflight();
    expect(statSync(home.passphraseFile).mode & 0o777).toBe(0o600);
    expect(existsSync(home.stateDir)).toBe(true);
  });

  it("reports installing the CLI to whoever asks for plugins first (a class run, before fan-out)", async () => {
    driver.cliAt = "install";
    const events: EngineEvent[] = [];
    await engine().ensurePlugins([lab], { onEvent: (e) => events.push(e) });
    expect(events).toEqual([
      { kind: "step", message: `Installing the Pulumi CLI 3.270.0 into ${home.pulumiRoot}` },
    ]);
    expect(driver.calls.at(-1)).toBe("installPlugin docker@5.2.0");
  });

  it("says which home it cannot write", async () => {
    writeFileSync(join(dir, "file"), "");
    home = resolveHome({ LABCTL_HOME: join(dir, "file", "home") });
    await expect(engine().preflight()).rejects.toMatchObject({ code: "HOME_UNWRITABLE", exitCode: 2 });
  });

  it("without a CLI, fails with exit 2 and one sentence of advice, creating nothing", async () => {
    driver.cliAt = "nowhere";
    const up = engine().up(spec("alice"));
    await expect(up).rejects.toMatchObject({ exitCode: 2, code: "PULUMI_CLI_MISSING" });
    const err = (await up.catch((e) => e)) as LabctlError;
    expect(err.advice).toMatch(
      /^Install Pulumi 3\.\d+\.\d+ and put it on PATH, or pre-seed .*--engine docker`\.$/,
    );
    expect(driver.calls).toEqual(["findCli PATH", "findCli root", "installCli"]);
    expect(existsSync(home.root)).toBe(false);
  });
});

describe("up", () => {
  it("installs each plugin once for parallel ups, before any stack, with one workDir per stack", async () => {
    const e = engine();
    const students = ["alice", "bob", "carol", "dave", "erin"];
    await Promise.all(students.map((s) => e.up(spec(s))));
    expect(driver.calls.filter((c) => c.startsWith("installPlugin"))).toEqual(["installPlugin docker@5.2.0"]);
    expect(driver.calls.findIndex((c) => c.startsWith("createOrSelectStack"))).toBeGreaterThan(
      driver.calls.indexOf("installPlugin docker@5.2.0"),
    );
    const workDirs = driver.stackArgs.map((a) => a.workDir).sort();
    expect(workDirs).toEqual(students.map((s) => join(home.workspacesDir, "tp03", s)));
    for (const dir of workDirs) expect(existsSync(dir)).toBe(true);
  });

  it("skips the plugin install when the plugin is already there", async () => {
    driver.installedPlugins.push({ name: "docker", version: "v5.2.0", kind: "resource" });
    await engine().up(spec("alice"));
    expect(driver.calls.some((c) => c.startsWith("installPlugin"))).toBe(false);
  });

  it("reports a failed plugin install to every parallel up after a single attempt", async () => {
    driver.pluginInstall = async () => {
      throw new Error("could not download plugin");
    };
    const e = engine();
    const results = await Promise.allSettled(["alice", "bob", "carol"].map((s) => e.up(spec(s))));
    for (const r of results)
      expect(r).toMatchObject({ status: "rejected", reason: { code: "PULUMI_PLUGIN_MISSING" } });
    expect(driver.calls.filter((c) => c.startsWith("installPlugin"))).toHaveLength(1);
    expect(driver.stackArgs).toHaveLength(0);
  });

  it("names the stack after the student and class, on the file backend, with the passphrase", async () => {
    await engine().up(spec("alice", "b2"));
    const [args] = driver.stackArgs;
    expect(args).toMatchObject({
      projectName: "tp03",
      stackName: "b2.alice",
      backendUrl: `file://${home.stateDir}`,
    });
    expect(args?.envVars.PULUMI_CONFIG_PASSPHRASE).toBe(readFileSync(home.passphraseFile, "utf8").trim());
  });

  it("returns outputs with secrets in clear, the changes, and forwards progress events", async () => {
    driver.up = async (_stack, opts) => {
      emitResource(opts, "create", "docker:index/network:Network", "tp03-alice-net");
      return {
        outputs: { url: { value: "http://x", secret: false }, dbPassword: { value: "s3cret", secret: true } },
      };
    };
    const events: EngineEvent[] = [];
    const result = await engine().up(spec("alice"), { onEvent: (e) => events.push(e) });
    expect(result.outputs).toEqual({ url: "http://x", dbPassword: "s3cret" });
    expect(result.changes).toEqual([
      { action: "create", type: "docker:index/network:Network", name: "tp03-alice-net" },
    ]);
    expect(events.map((e) => e.kind === "resource" && e.phase)).toEqual(["start", "done"]);
  });

  it("turns a locked stack into advice with exit code 75", async () => {
    driver.up = async () => {
      throw Object.assign(new Error("the stack is currently locked by 1 lock(s)"), {
        name: "ConcurrentUpdateError",
      });
    };
    await expect(engine().up(spec("alice"))).rejects.toMatchObject({
      exitCode: 75,
      code: "LOCKED",
      message: expect.stringContaining("tp03/alice"),
      advice: expect.stringContaining("labctl repair tp03"),
    });
  });

  it("wraps an unexpected error, keeping it as the cause", async () => {
    const boom = new TypeError("x is not a function");
    driver.up = async () => {
      throw boom;
    };
    await expect(engine().up(spec("alice"))).rejects.toMatchObject({
      code: "ENGINE_FAILED",
      exitCode: 2,
      cause: boom,
    });
  });
});

describe("outputs and down", () => {
  it("reads outputs without installing plugins", async () => {
    await engine().outputs(spec("alice"));
    expect(driver.calls).toEqual(["findCli PATH", "selectStack tp03/alice"]);
  });

  it("previews the changes an up would make", async () => {
    const result = await engine().preview(spec("alice"));
    expect(result).toEqual({
      changes: [{ action: "create", type: "docker:index/container:Container", name: "tp03-alice-web" }],
    });
  });

  it("reads outputs of an existing environment and answers undefined, leaving nothing, for a missing one", async () => {
    const e = engine();
    await e.up(spec("alice"));
    expect(await e.outputs(spec("alice"))).toEqual({ url: "http://127.0.0.1:8080" });
    expect(await e.outputs(spec("bob"))).toBeUndefined();
    expect(existsSync(join(home.workspacesDir, "tp03", "bob"))).toBe(false);
  });

  it("destroys, then removes the stack and its workDir", async () => {
    const e = engine();
    await e.up(spec("alice"));
    const result = await e.down(spec("alice"));
    expect(driver.calls.slice(-2)).toEqual(["destroy tp03/alice", "remove tp03/alice"]);
    expect(result.removed).toEqual([
      { action: "delete", type: "docker:index/container:Container", name: "tp03-alice-web" },
    ]);
    expect(existsSync(join(home.workspacesDir, "tp03", "alice"))).toBe(false);
    expect(await e.down(spec("alice"))).toEqual({ removed: [] });
  });
});
