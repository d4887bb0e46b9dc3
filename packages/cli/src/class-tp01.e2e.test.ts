import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import Docker from "dockerode";
import { classLeftovers, classSandbox, studentNetworks } from "./class-e2e-support";

// A class of 20 for tp01 on the real engine through the built CLI: a pre-flight that refuses a
// taken port, `class up` interrupted by Ctrl-C then finished with --retry-failed, an idempotent
// re-run, verify, one student broken and exactly that student reported, down leaves nothing.
const PORT_BASE = 28000;
const sandbox = classSandbox(PORT_BASE);
const classId = "tp01-class-e2e";
const roster = join(sandbox.dir, `${classId}.csv`);
const names = [
  "Élodie Müller",
  "Anne Marie",
  "Anne Marie",
  "Jean-François O'Brien",
  "Zoé Dupont",
  "Søren Łukasz",
  "Ada Lovelace",
  "Grace Hopper",
  "Linus Torvalds",
  "Margaret Hamilton",
  "Ken Thompson",
  "Dennis Ritchie",
  "Barbara Liskov",
  "Alan Turing",
  "Katherine Johnson",
  "Tim Berners-Lee",
  "Radia Perlman",
  "Frances Allen",
  "John McCarthy",
  "Hedy Lamarr",
];
writeFileSync(
  roster,
  `First name,Last name,Email address\n${names
    .map((n, i) => `${n.split(" ")[0]},${n.split(" ").slice(1).join(" ")},student${i}@example.org`)
    .join("\n")}\n`,
);
const docker = new Docker();
const ids = () =>
  JSON.parse(sandbox.labctl("class", "status", "tp01", "--roster", roster, "--json").stdout).students.map(
    (s: { student: { id: string } }) => s.student.id,
  ) as string[];
const gridRows = (dir: string) =>
  parse(readFileSync(join(dir, "grid.csv")), { columns: true, bom: true }) as Record<string, string>[];

describe("labctl class: tp01 for 20 students", () => {
  afterAll(() => sandbox.labctl("class", "down", "tp01", "--roster", roster, "--yes"));

  it("refuses to start when a student's port is taken, naming it, and creates nothing", async () => {
    const held = createServer();
    await new Promise<void>((r) => held.listen(PORT_BASE + 200, "127.0.0.1", () => r()));
    try {
      const up = sandbox.labctl("class", "up", "tp01", "--roster", roster);
      expect(up.status).toBe(2);
      expect(up.stderr).toContain(
        `anne-marie-2: 127.0.0.1:${PORT_BASE + 200} (for web) is taken by another process`,
      );
      expect(await classLeftovers(classId)).toEqual([]);
    } finally {
      held.close();
    }
  });

  it("Ctrl-C stops cleanly: every student is recorded done or cancelled, none left running", async () => {
    const run = sandbox.start("class", "up", "tp01", "--roster", roster, "--concurrency", "4");
    const done = () =>
      Object.values(sandbox.lastRun(classId, "tp01")?.runs.up?.students ?? {}).filter((s) => s.state === "ok")
        .length;
    while (done() < 3) await new Promise((r) => setTimeout(r, 100));
    run.child.kill("SIGINT");
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toContain("Cancelling");
    const states = Object.values(sandbox.lastRun(classId, "tp01")?.runs.up?.students ?? {}).map(
      (s) => s.state,
    );
    expect(states.length).toBeGreaterThan(0);
    expect(states.filter((s) => s !== "ok" && s !== "cancelled")).toEqual([]);
    expect(states.filter((s) => s === "cancelled").length).toBeGreaterThan(0);
  });

  it("--retry-failed brings up exactly the students not done, and a re-run changes nothing", () => {
    const before = sandbox.lastRun(classId, "tp01")?.runs.up?.students ?? {};
    const okBefore = Object.entries(before)
      .filter(([, s]) => s.state === "ok")
      .map(([id]) => id);
    const retry = sandbox.labctl("class", "up", "tp01", "--roster", roster, "--retry-failed", "--json");
    expect(retry.status).toBe(0);
    const retried = JSON.parse(retry.stdout).students.map((s: { student: { id: string } }) => s.student.id);
    expect(retried.sort()).toEqual(
      ids()
        .filter((id) => !okBefore.includes(id))
        .sort(),
    );
    const again = sandbox.labctl("class", "up", "tp01", "--roster", roster, "--concurrency", "8", "--json");
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).counts).toEqual({ ok: 0, unchanged: 20, failed: 0, cancelled: 0 });
  });

  it("verify: every lab check and the isolation check pass for all 20", async () => {
    const verify = sandbox.labctl("class", "verify", "tp01", "--roster", roster, "--timeout", "60", "--json");
    const result = JSON.parse(verify.stdout);
    const rows = gridRows(result.reportDir);
    expect(rows).toHaveLength(20);
    expect(rows.filter((r) => r.status !== "pass")).toEqual([]);
    // Each student has their own network: nobody shares one, and isolation passes for all.
    const nets = await studentNetworks(classId, "tp01");
    const shares = (id: string) =>
      [...nets].some(([other, set]) => other !== id && [...set].some((n) => nets.get(id)?.has(n)));
    expect(rows.filter((r) => shares(r.id ?? ""))).toEqual([]);
    expect(rows.filter((r) => r.isolation !== "pass")).toEqual([]);
    expect(verify.status).toBe(0);
  });

  it("one student's stopped web server fails that student only, in every format", async () => {
    await docker.getContainer("tp01-ada-lovelace-web").stop({ t: 1 });
    const verify = sandbox.labctl("class", "verify", "tp01", "--roster", roster, "--timeout", "5", "--json");
    expect(verify.status).toBe(1);
    const result = JSON.parse(verify.stdout);
    const failed = result.students.filter((s: { state: string }) => s.state !== "ok");
    expect(
      failed.map((s: { student: { id: string }; message: string }) => [s.student.id, s.message]),
    ).toEqual([["ada-lovelace", expect.stringMatching(/^3\/8 points; not passing: web-running, web-page/)]]);
    const rows = gridRows(result.reportDir);
    expect(
      rows.filter((r) => r.status !== "pass").map((r) => [r.id, r["web-running (2)"], r["web-page (3)"]]),
    ).toEqual([["ada-lovelace", "0", "0"]]);
    const grid = JSON.parse(readFileSync(join(result.reportDir, "grid.json"), "utf8"));
    expect(grid.totals).toMatchObject({ students: 20, passed: 19, failed: 1 });
    expect(readFileSync(join(result.reportDir, "junit.xml"), "utf8")).toMatch(
      /<testsuites name="labctl" tests="\d+" failures="[1-9]/,
    );
  });

  it("down removes every labelled object of the class", async () => {
    const down = sandbox.labctl(
      "class",
      "down",
      "tp01",
      "--roster",
      roster,
      "--concurrency",
      "8",
      "--yes",
      "--json",
    );
    expect(down.status).toBe(0);
    expect(JSON.parse(down.stdout).counts.ok).toBe(20);
    expect(await classLeftovers(classId)).toEqual([]);
  });
});
