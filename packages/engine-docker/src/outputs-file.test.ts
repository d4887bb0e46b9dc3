import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type EnvironmentSpec, resolveHome } from "@labctl/core";
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

  it("a corrupt outputs file is a STATE_CORRUPT error naming it, not 'no environment'", async () => {
    await saveEnvironment(home, spec, { outputs: {}, hosts: [] });
    writeFileSync(outputsFile(home, spec), '{"hosts": "nope"}');
    await expect(loadEnvironment(home, spec)).rejects.toMatchObject({
      code: "STATE_CORRUPT",
      message: expect.stringContaining(outputsFile(home, spec)),
    });
  });

  it("reads an older file without hosts, and leaves no temp file after saving", async () => {
    writeFileSync(outputsFile(home, spec), '{"outputs": {"url": "u"}}');
    await expect(loadEnvironment(home, spec)).resolves.toEqual({ outputs: { url: "u" }, hosts: [] });
    await saveEnvironment(home, spec, { outputs: { url: "v" }, hosts: [] });
    expect(readdirSync(join(home.envsDir, "default", "tp99", "alice"))).toEqual(["docker-outputs.json"]);
  });
});
