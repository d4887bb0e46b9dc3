import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// oclif.manifest.json lets help and command lookup skip importing every command: it must say what
// the built commands say (`npm run build` writes it; turbo's cache restores it with dist/).
const root = join(__dirname, "..");
const script = join(root, "scripts", "oclif-manifest.js");
const check = (...file: string[]) =>
  spawnSync(process.execPath, [script, "--check", ...file], { encoding: "utf8" });

describe("oclif.manifest.json", () => {
  it("is in sync with the built commands", () => {
    const run = check();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("lists every command of src/commands, with the file oclif loads for it", () => {
    const manifest = JSON.parse(readFileSync(join(root, "oclif.manifest.json"), "utf8")) as {
      commands: Record<string, { relativePath: string[] }>;
    };
    expect(manifest.commands.labs?.relativePath).toEqual(["dist", "commands", "labs.js"]);
    expect(manifest.commands["class:up"]?.relativePath).toEqual(["dist", "commands", "class", "up.js"]);
  });

  it("a stale manifest (a summary changed since) fails the check, naming the file", () => {
    const stale = join(mkdtempSync(join(tmpdir(), "labctl-manifest-")), "oclif.manifest.json");
    const manifest = readFileSync(join(root, "oclif.manifest.json"), "utf8");
    writeFileSync(stale, manifest.replace("List the labs", "List labs"));
    const run = check(stale);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${stale} is stale`);
  });
});
