import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveHome } from "@labctl/core";
import { LabctlError } from "@labctl/sdk";
import { automationDriver } from "./automation-driver";
import { createPulumiEngine } from "./pulumi-engine";
import { fakeSpec } from "./test-support/fake-driver";

// The real Automation API looking for a CLI, with PATH pointing at a directory of our own.
const savedPath = process.env.PATH;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "labctl-nocli-"));
  process.env.PATH = join(dir, "bin");
});
afterEach(() => {
  process.env.PATH = savedPath;
  rmSync(dir, { recursive: true, force: true });
});

/** A stand-in `pulumi` that only answers `pulumi version`. */
function fakeCli(version: string): void {
  mkdirSync(join(dir, "bin"));
  writeFileSync(join(dir, "bin", "pulumi"), `#!/bin/sh\necho v${version}\n`, { mode: 0o755 });
}

// Downloading is replaced by a failure: where get.pulumi.com is reachable (CI) a real install
// would take a minute.
describe("a machine without the Pulumi CLI", () => {
  it("fails fast with exit code 2 and advice, creating nothing", async () => {
    const home = resolveHome({ LABCTL_HOME: join(dir, "labctl") });
    const driver = {
      ...automationDriver,
      installCli: async () => {
        throw new Error("getaddrinfo ENOTFOUND get.pulumi.com");
      },
    };
    const started = Date.now();
    const error = await createPulumiEngine({ home, driver })
      .up(fakeSpec("alice"))
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(LabctlError);
    expect(error).toMatchObject({ exitCode: 2, code: "PULUMI_CLI_MISSING" });
    const { message, advice } = error as LabctlError;
    expect(message).toMatch(
      /^The Pulumi CLI 3\.\d+\.\d+ is not installed, and it could not be downloaded \(getaddrinfo/,
    );
    expect(advice).toContain(join(home.pulumiRoot, "bin", "pulumi"));
    expect(`${message}\n${advice}`).not.toMatch(/\n\s+at /);
    expect(existsSync(home.root)).toBe(false);
  });

  it("finds nothing under an empty root either (the pre-seed location)", async () => {
    await expect(automationDriver.findCli({ version: "3.270.0", root: join(dir, "pulumi") })).rejects.toThrow(
      /ENOENT/,
    );
    await expect(automationDriver.findCli({ version: "3.270.0" })).rejects.toThrow(/ENOENT/);
  });
});

describe("a CLI on PATH", () => {
  it("is accepted at the pinned version or a newer 3.x", async () => {
    fakeCli("3.280.1");
    await expect(automationDriver.findCli({ version: "3.270.0" })).resolves.toMatchObject({
      version: "3.280.1",
    });
  });

  it("is refused when older, and the engine names its version", async () => {
    fakeCli("3.100.0");
    await expect(automationDriver.findCli({ version: "3.270.0" })).rejects.toThrow(
      /current CLI version is v?3\.100\.0/,
    );
    const home = resolveHome({ LABCTL_HOME: join(dir, "labctl") });
    await expect(createPulumiEngine({ home, installCli: false }).preflight()).rejects.toMatchObject({
      message: expect.stringMatching(/^The Pulumi CLI on PATH is 3\.100\.0, not compatible/),
    });
  });
});

/**
 * A stand-in `pulumi` that logs each command line (and whether the passphrase reached it) and
 * answers like the real CLI for the commands the driver issues without running a program.
 */
function recordingCli(): string {
  const log = join(dir, "cli.log");
  const state = join(dir, "stack-exists");
  mkdirSync(join(dir, "bin"));
  const script = `#!/bin/sh
echo "$* passphrase=\${PULUMI_CONFIG_PASSPHRASE:-none}" >> ${log}
case "$1 $2" in
  "version "*) echo v3.270.0 ;;
  "plugin ls") echo '[{"name":"docker","kind":"resource","version":"5.2.0"}]' ;;
  "stack select") [ -f ${state} ] || { echo "error: no stack named 'alice' found" >&2; exit 255; } ;;
  "stack init") : > ${state} ;;
  "stack output") case "$*" in *--show-secrets*) echo '{"pw":"s3cret"}' ;; *) echo '{"pw":"[secret]"}' ;; esac ;;
esac
`;
  writeFileSync(join(dir, "bin", "pulumi"), script, { mode: 0o755 });
  return log;
}

describe("the real driver's wiring (recording CLI)", () => {
  it("creates a passphrase-secured stack on the given backend from the workDir, then reads its outputs", async () => {
    const log = recordingCli();
    const cli = await automationDriver.findCli({ version: "3.270.0" });
    const workDir = join(dir, "work");
    mkdirSync(workDir);
    const args = {
      cli,
      projectName: "tp03",
      stackName: "alice",
      workDir,
      backendUrl: `file://${dir}/state`,
      envVars: { PULUMI_CONFIG_PASSPHRASE: "pp" },
      program: async () => ({}),
    };
    await expect(automationDriver.selectStack(args)).rejects.toMatchObject({ name: "StackNotFoundError" });
    const stack = await automationDriver.createOrSelectStack(args);
    expect(await stack.outputs()).toEqual({ pw: { value: "s3cret", secret: true } });
    expect(readFileSync(join(workDir, "Pulumi.yaml"), "utf8")).toContain(`url: file://${dir}/state`);
    const stackCommands = readFileSync(log, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("stack"));
    expect(stackCommands).toContain(
      "stack init alice --secrets-provider passphrase --non-interactive passphrase=pp",
    );
    expect(stackCommands.filter((l) => !l.endsWith("passphrase=pp"))).toEqual([]);
  });

  it("lists installed plugins and installs one by name and version", async () => {
    const log = recordingCli();
    const cli = await automationDriver.findCli({ version: "3.270.0" });
    const env = { workDir: dir, envVars: { PULUMI_CONFIG_PASSPHRASE: "pp" } };
    expect(await automationDriver.listPlugins(cli, env)).toEqual([
      { name: "docker", kind: "resource", version: "5.2.0" },
    ]);
    await automationDriver.installPlugin(cli, env, { name: "docker", version: "5.2.0" });
    expect(readFileSync(log, "utf8")).toContain("plugin install resource docker v5.2.0");
  });
});
