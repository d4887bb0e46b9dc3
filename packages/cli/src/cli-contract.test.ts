import { existsSync, readdirSync } from "node:fs";
import { runCli } from "./test-support/run-cli";

// Contract of the built CLI (run `npm run build` first; `npm test` does): command ids, flags,
// --json shapes, exit codes, and what must not load.
const heavy = (modules: string[]) =>
  modules.filter((m) => /node_modules\/(@pulumi|dockerode|docker-modem|ssh2)\//.test(m));

describe("labctl CLI contract", () => {
  it("--help lists every command without loading Pulumi or the Docker client", () => {
    const run = runCli(["--help"]);
    expect(run.status).toBe(0);
    for (const id of ["labs", "up", "verify", "down", "status", "doctor", "gc"])
      expect(run.stdout).toContain(id);
    expect(run.modules.length).toBeGreaterThan(0);
    expect(heavy(run.modules)).toEqual([]);
  });

  it("--version prints the version without loading Pulumi or the Docker client", () => {
    const run = runCli(["--version"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^@labctl\/cli\/\d+\.\d+\.\d+ .* node-v22\./);
    expect(heavy(run.modules)).toEqual([]);
  });

  it("labs --json gives each lab with title, platform and checks, without loading Pulumi", () => {
    const run = runCli(["labs", "--json"]);
    expect(run.status).toBe(0);
    const labs = JSON.parse(run.stdout);
    const tp03 = labs.find((l: { id: string }) => l.id === "tp03");
    expect(tp03).toMatchObject({
      id: "tp03",
      platform: "docker",
      title: { en: expect.any(String), fr: expect.any(String) },
    });
    expect(tp03.checks.length).toBeGreaterThanOrEqual(5);
    for (const check of tp03.checks)
      expect(check).toEqual({
        id: expect.any(String),
        title: expect.any(String),
        points: expect.any(Number),
        deep: expect.any(Boolean),
        needs: expect.any(Array),
      });
    expect(tp03.totalPoints).toBe(tp03.checks.reduce((n: number, c: { points: number }) => n + c.points, 0));
    expect(heavy(run.modules)).toEqual([]);
  });

  it("an unknown lab answers with the available ones, exit 64", () => {
    const run = runCli(["up", "tp99"]);
    expect(run.status).toBe(64);
    expect(run.stderr).toContain('Unknown lab "tp99"');
    expect(run.stderr).toContain("tp03");
  });

  it("errors are JSON under --json", () => {
    const run = runCli(["up", "tp99", "--json"]);
    expect(run.status).toBe(64);
    expect(JSON.parse(run.stdout)).toEqual({
      error: expect.objectContaining({ code: "UNKNOWN_LAB", exitCode: 64 }),
    });
  });

  it("usage errors exit 64: bad student id, unknown flag, missing argument", () => {
    expect(runCli(["up", "tp03", "--student", "Not A Slug"]).status).toBe(64);
    expect(runCli(["up", "tp03", "--frobnicate"]).status).toBe(64);
    expect(runCli(["up"]).status).toBe(64);
  });

  it("verify of an environment that is not up is inconclusive (exit 2) and says what to do", () => {
    const run = runCli(["verify", "tp03", "--student", "alice", "--engine", "docker"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("tp03 is not up for alice");
    expect(run.stderr).toContain("labctl up tp03");
  });

  it("up with the Pulumi engine and no Pulumi CLI: one clear sentence, exit 2, nothing created", () => {
    const run = runCli(["up", "tp03", "--student", "alice", "--engine", "pulumi"], { PATH: "/usr/bin:/bin" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Pulumi CLI/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const created = existsSync(run.home) ? readdirSync(run.home) : [];
    expect(created.filter((f) => ["state", "workspaces", "envs"].includes(f))).toEqual([]);
  });
});
