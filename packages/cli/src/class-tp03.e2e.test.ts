import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import Docker from "dockerode";
import { classLeftovers, classSandbox } from "./class-e2e-support";

// A small tp03 class on the real engine through the built CLI (docker engine, stand-in images):
// up -> verify (all pass, students isolated) -> break isolation between two students, then one
// student's database -> each time the report shows exactly that -> down leaves nothing labelled.
const sandbox = classSandbox(30000);
const roster = join(sandbox.dir, "tp03-class-e2e.yaml");
writeFileSync(
  roster,
  "students:\n  - name: Ann Lee\n    email: ann@example.org\n  - { id: bob, name: Bob Martin }\n  - name: Cid Ördög\n",
);
const classId = "tp03-class-e2e";
const docker = new Docker();
const gridRows = (dir: string) =>
  parse(readFileSync(join(dir, "grid.csv")), { columns: true, bom: true }) as Record<string, string>[];

describe("labctl class up / verify / down tp03", () => {
  afterAll(() => sandbox.labctl("class", "down", "tp03", "--roster", roster, "--yes"));

  it("brings the class up, ids slugged from the roster", () => {
    const up = sandbox.labctl("class", "up", "tp03", "--roster", roster, "--concurrency", "3", "--json");
    expect(up.status).toBe(0);
    const result = JSON.parse(up.stdout);
    expect(result).toMatchObject({ verb: "up", lab: "tp03", classId, engine: "docker", interrupted: false });
    expect(
      result.students.map((s: { student: { id: string }; state: string }) => [s.student.id, s.state]),
    ).toEqual([
      ["ann-lee", "ok"],
      ["bob", "ok"],
      ["cid-ordog", "ok"],
    ]);
  });

  it("verifies every student: all checks pass and students are isolated (exit 0)", () => {
    const verify = sandbox.labctl(
      "class",
      "verify",
      "tp03",
      "--roster",
      roster,
      "--timeout",
      "180",
      "--json",
    );
    expect(verify.status).toBe(0);
    const result = JSON.parse(verify.stdout);
    expect(result.status).toBe("pass");
    expect(gridRows(result.reportDir).map((r) => [r.id, r.status, r.isolation])).toEqual([
      ["ann-lee", "pass", "pass"],
      ["bob", "pass", "pass"],
      ["cid-ordog", "pass", "pass"],
    ]);
  });

  it("bob's Ghost on Ann's network fails isolation for exactly those two, naming them (exit 1)", async () => {
    const annNet = docker.getNetwork("tp03-ann-lee-net");
    await annNet.connect({ Container: "tp03-bob-ghost" });
    try {
      const verify = sandbox.labctl(
        "class",
        "verify",
        "tp03",
        "--roster",
        roster,
        "--timeout",
        "8",
        "--json",
      );
      expect(verify.status).toBe(1);
      const result = JSON.parse(verify.stdout);
      const rows = gridRows(result.reportDir);
      // bob's Ghost now also sees Ann's "mysql" alias, so bob's own DNS check fails as well;
      // ann's own checks pass, but a failed isolation check makes her status fail too
      expect(rows.map((r) => [r.id, r.status, r["not passing"]])).toEqual([
        ["ann-lee", "fail", "isolation: fail"],
        ["bob", "fail", "network-dns: fail; isolation: fail"],
        ["cid-ordog", "pass", ""],
      ]);
      const isolation = result.classChecks[0].outcomes;
      expect(isolation.bob.message).toContain("bob's tp03-bob-ghost reached ann-lee's");
    } finally {
      await annNet.disconnect({ Container: "tp03-bob-ghost" });
    }
  });

  it("a stopped database fails that student's checks only, and the sheets say so", async () => {
    await docker.getContainer("tp03-cid-ordog-mysql").stop({ t: 2 });
    const verify = sandbox.labctl("class", "verify", "tp03", "--roster", roster, "--timeout", "5", "--json");
    expect(verify.status).toBe(1);
    const result = JSON.parse(verify.stdout);
    const rows = gridRows(result.reportDir);
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ["ann-lee", "pass"],
      ["bob", "pass"],
      ["cid-ordog", "fail"],
    ]);
    expect(rows[2]?.["not passing"]).toContain("mysql-running: fail");
    expect(rows.slice(0, 2).map((r) => r["not passing"])).toEqual(["", ""]);
    const sheet = readFileSync(join(result.reportDir, "students/cid-ordog.md"), "utf8");
    expect(sheet).toMatch(/## Last check .*: fail/);
    expect(sheet).toMatch(/## Credentials[\s\S]*mysqlPassword/);
  });

  it("down removes every labelled object of the class", async () => {
    const down = sandbox.labctl("class", "down", "tp03", "--roster", roster, "--yes", "--json");
    expect(down.status).toBe(0);
    expect(JSON.parse(down.stdout).counts.ok).toBe(3);
    expect(await classLeftovers(classId)).toEqual([]);
  });
});
