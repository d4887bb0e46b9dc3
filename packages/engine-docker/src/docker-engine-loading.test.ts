import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type EnvironmentSpec, resolveHome } from "@labctl/core";
import { finished } from "../../core/src/state/test-support/spawn-ts";
import { saveEnvironment } from "./outputs-file";

const home = resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-home-")) });
const spec = {
  lab: { id: "tp99" },
  student: { id: "alice" },
  classId: "default",
} as unknown as EnvironmentSpec;
const tsChild = join(__dirname, "../../core/src/state/test-support/ts-child.js");
const child = join(__dirname, "test-support", "saved-outputs-child.ts");

async function readInChild(mode: "outputs" | "program-run"): Promise<{ outputs: unknown; pulumi: string[] }> {
  const run = spawn(process.execPath, [tsChild, child, home.root, mode], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(await finished(run));
}

beforeAll(() => saveEnvironment(home, spec, { outputs: { url: "http://127.0.0.1:8080" }, hosts: [] }));
afterAll(() => rmSync(home.root, { recursive: true, force: true }));

// `verify` of one student reads the saved outputs: the Pulumi SDK (about a second to load) is
// for running programs only. In a separate process, so that require.cache is that of a real run.
describe("docker engine: what reading saved outputs loads", () => {
  it("outputs() from the saved file loads no Pulumi SDK and asks no Docker engine", async () => {
    const run = await readInChild("outputs");
    expect(run.outputs).toEqual({ url: "http://127.0.0.1:8080" });
    expect(run.pulumi).toEqual([]);
  }, 30_000);

  it("the check sees the SDK once a program runner is loaded (control)", async () => {
    const run = await readInChild("program-run");
    expect(run.pulumi.length).toBeGreaterThan(0);
  }, 30_000);
});
