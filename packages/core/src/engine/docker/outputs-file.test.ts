import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveHome } from "../../home/labctl-home";
import type { EnvironmentSpec } from "../types";
import { forgetEnvironment, loadEnvironment, outputsFile, saveEnvironment } from "./outputs-file";

const home = resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-home-")) });
const spec = {
  lab: { id: "tp99" },
  student: { id: "alice" },
  classId: "default",
} as unknown as EnvironmentSpec;

afterAll(() => rmSync(home.root, { recursive: true, force: true }));

describe("outputs file", () => {
  it("saves outputs readable by the owner only, and loads them back", async () => {
    await saveEnvironment(home, spec, { outputs: { password: "s3cret" }, hosts: ["ssh://prof@swarm"] });
    expect(outputsFile(home, spec)).toBe(
      join(home.envsDir, "default", "tp99", "alice", "docker-outputs.json"),
    );
    expect(statSync(outputsFile(home, spec)).mode & 0o777).toBe(0o600);
    await expect(loadEnvironment(home, spec)).resolves.toEqual({
      outputs: { password: "s3cret" },
      hosts: ["ssh://prof@swarm"],
    });
  });

  it("loads nothing once forgotten", async () => {
    await forgetEnvironment(home, spec);
    await expect(loadEnvironment(home, spec)).resolves.toBeUndefined();
  });
});
