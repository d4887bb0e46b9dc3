import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { readRoster } from "@labctl/roster";
import type { ExecResult } from "@labctl/sdk";
import { parse } from "csv-parse/sync";
import { XMLParser } from "fast-xml-parser";
import { classDown } from "../class-down";
import { classReport } from "../class-report";
import { classUp } from "../class-up";
import { classVerify } from "../class-verify";
import type { IsolationProbe } from "../isolation/isolation-probe";
import { fakeClass, fakeLab, noClients } from "../test-support/fake-class";
import type { ClassGrid } from "./class-grid";
import { escapeHtml, safeHref } from "./escape-html";

const NASTY = `Zoé <script>alert("x")</script> & 'Co'`;
const students = [
  { id: "ann", name: "Ann Lee", email: "ann@example.org" },
  { id: "bob", name: NASTY, email: "bob@example.org" },
  { id: "cid", name: "Cid, Jr.", email: "cid@example.org" },
];

/** Every student isolated, except that the isolation probe cannot run from cid. */
const isolation: IsolationProbe = {
  containers: async () =>
    students.map((s, i) => ({
      name: `tp99-${s.id}-web`,
      student: s.id,
      addresses: [`n${i}.2`],
      networks: [`n${i}`],
      subnets: [],
      ports: [80],
    })),
  exec: async (container, cmd): Promise<ExecResult> => {
    if (container.includes("cid")) return { exitCode: 127, stdout: "", stderr: "" };
    const net = `n${students.findIndex((s) => container.includes(s.id))}`;
    return {
      exitCode: 0,
      stdout: cmd
        .slice(5)
        .map((t) => `${t} ${t.startsWith(net) ? 0 : 1}`)
        .join("\n"),
      stderr: "",
    };
  },
};

/** As above, but bob's container also reaches ann's service (they are not isolated). */
const leaky: IsolationProbe = {
  ...isolation,
  exec: async (container, cmd) => {
    const result = await isolation.exec(container, cmd);
    if (!container.includes("bob")) return result;
    return { ...result, stdout: result.stdout.replace(/^(n0\S*) 1$/m, "$1 0") };
  },
};

async function classWithBrokenBob(probe = isolation) {
  const fake = await fakeClass();
  const { home, config, engine } = fake;
  const base = {
    ...fake.base,
    roster: { source: "devops.csv", format: "csv" as const, students },
    concurrency: 3,
  };
  await classUp({ ...base, roster: { ...base.roster, students: [...students, { id: "dan", name: "Dan" }] } });
  engine.broken.add("bob");
  await classVerify({
    ...base,
    clients: noClients,
    isolation: probe,
    checks: { retryIntervalMs: 1, checkTimeoutMs: 30 },
  });
  const report = await classReport(base);
  return { ...report, home, config, engine };
}

describe("class report", () => {
  it("writes a grid (Markdown, CSV, JSON, JUnit) and a sheet per student, all private", async () => {
    const { dir, files } = await classWithBrokenBob();
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual([
      "grid.csv",
      "grid.json",
      "grid.md",
      "junit.xml",
      "students/ann.html",
      "students/ann.md",
      "students/bob.html",
      "students/bob.md",
      "students/cid.html",
      "students/cid.md",
    ]);
    for (const file of files) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("the CSV starts with a UTF-8 BOM (Excel keeps the accents) and the roster reader's parser reads it", async () => {
    const { dir } = await classWithBrokenBob();
    const bytes = readFileSync(join(dir, "grid.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header] = parse(bytes, { bom: true }) as string[][];
    expect(header?.[0]).toBe("id");
    const { students: read } = readRoster(join(dir, "grid.csv"));
    expect(read.map((s) => [s.id, s.name])).toEqual(students.map((s) => [s.id, s.name]));
  });

  it("the CSV parses back: one row per student, points per check, what did not pass", async () => {
    const { dir } = await classWithBrokenBob();
    const rows = parse(readFileSync(join(dir, "grid.csv")), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    expect(
      rows.map((r) => [
        r.id,
        r.name,
        r.status,
        r.earned,
        r.total,
        r["web-up (2)"],
        r["page (3)"],
        r.isolation,
        r["not passing"],
      ]),
    ).toEqual([
      ["ann", "Ann Lee", "pass", "5", "5", "2", "3", "pass", ""],
      ["bob", NASTY, "fail", "2", "5", "2", "0", "pass", "page: fail"],
      ["cid", "Cid, Jr.", "pass", "5", "5", "2", "3", "error", "isolation: error"],
    ]);
  });

  it("the JSON grid has the totals and per-check pass counts", async () => {
    const { dir, grid } = await classWithBrokenBob();
    const json = JSON.parse(readFileSync(join(dir, "grid.json"), "utf8")) as ClassGrid;
    expect(json).toEqual(JSON.parse(JSON.stringify(grid)));
    expect(json.totals).toMatchObject({ students: 3, passed: 2, failed: 1, errored: 0, notVerified: 0 });
    expect(json.totals.perCheck).toEqual({
      "web-up": { passed: 3, ran: 3 },
      page: { passed: 2, ran: 3 },
      isolation: { passed: 2, ran: 3 },
    });
    expect(json.columns.map((c) => [c.id, c.points, c.classLevel])).toEqual([
      ["web-up", 2, false],
      ["page", 3, false],
      ["isolation", 0, true],
    ]);
  });

  it("the JUnit XML parses back: a suite per student, the class-level check a case in each", async () => {
    const { dir } = await classWithBrokenBob();
    const xml = new XMLParser({ ignoreAttributes: false }).parse(
      readFileSync(join(dir, "junit.xml"), "utf8"),
    );
    const suites = xml.testsuites.testsuite as {
      "@_name": string;
      "@_failures": string;
      "@_errors": string;
      testcase: unknown[];
    }[];
    expect(suites.map((s) => [s["@_name"], s["@_failures"], s["@_errors"]])).toEqual([
      ["tp99/ann", "0", "0"],
      ["tp99/bob", "1", "0"],
      ["tp99/cid", "0", "1"],
    ]);
    expect(xml.testsuites["@_failures"]).toBe("1");
    const bobCases = suites[1]?.testcase as { failure?: { "@_message": string } }[];
    const bobPage = bobCases[1];
    expect(bobPage?.failure?.["@_message"]).toMatch(/^marker missing in "http:\/\/127\.0\.0\.1:\d+"$/);
  });

  it("the Markdown grid marks exactly the broken student's check", async () => {
    const { dir } = await classWithBrokenBob();
    const md = readFileSync(join(dir, "grid.md"), "utf8");
    expect(md).toContain("3 students: 2 pass, 1 fail, 0 inconclusive, 0 not verified.");
    expect(md).toMatch(
      /\| \[bob\]\(students\/bob\.md\) \| Zoé &lt;script>.* \| ✅ 2 \| ❌ 0 \| ✅ \| 2\/5 \| fail \|/,
    );
    expect(md).toContain("- bob, `page`: marker missing");
    expect(md).not.toContain("- ann,");
  });

  it("a student others can reach is not `pass`: grid.md, grid.csv, grid.json and junit.xml say fail (isolation)", async () => {
    const { dir } = await classWithBrokenBob(leaky);
    const json = JSON.parse(readFileSync(join(dir, "grid.json"), "utf8")) as ClassGrid;
    const ann = json.rows[0];
    expect(ann).toMatchObject({ id: "ann", status: "fail", earned: 5, failedClassChecks: ["isolation"] });
    expect(ann?.cells.isolation?.message).toMatch(/^bob's tp99-bob-web reached ann's tp99-ann-web/);
    expect(json.totals).toMatchObject({ passed: 1, failed: 2 });
    const md = readFileSync(join(dir, "grid.md"), "utf8");
    expect(md).toMatch(
      /\| \[ann\]\(students\/ann\.md\) \| Ann Lee \| ✅ 2 \| ✅ 3 \| ❌ \| 5\/5 \| fail \(isolation\) \|/,
    );
    const rows = parse(readFileSync(join(dir, "grid.csv")), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    expect([rows[0]?.status, rows[0]?.isolation, rows[0]?.["not passing"]]).toEqual([
      "fail",
      "fail",
      "isolation: fail",
    ]);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(
      readFileSync(join(dir, "junit.xml"), "utf8"),
    );
    const annSuite = xml.testsuites.testsuite[0] as { "@_name": string; "@_failures": string };
    expect([annSuite["@_name"], annSuite["@_failures"]]).toEqual(["tp99/ann", "1"]);
  });

  it("sheets carry URLs and the generated credentials; HTML escapes everything from outside", async () => {
    const { dir, home } = await classWithBrokenBob();
    const secrets = JSON.parse(
      readFileSync(join(home.envsDir, "devops", "tp99", "bob", "secrets.json"), "utf8"),
    );
    const md = readFileSync(join(dir, "students/bob.md"), "utf8");
    expect(md).toContain(secrets.webPassword);
    expect(md).toMatch(/## Open\n\n\| \| \|\n\|---\|---\|\n\| url \| `http:\/\/127\.0\.0\.1:\d+` \|/);
    const html = readFileSync(join(dir, "students/bob.html"), "utf8");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Zoé &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;");
    expect(html).toContain("Fake &lt;lab&gt; &amp; co");
    expect(html).toContain("look at &lt;index.html&gt;"); // the failed check's hint
    expect(html).toMatch(/<a href="http:\/\/127\.0\.0\.1:\d+">/);
    expect(html).toContain(`<code>${secrets.webPassword}</code>`);
  });

  it("class down forgets the student's credentials in the report's sheets, keeping the last result", async () => {
    const { dir, home, config, engine } = await classWithBrokenBob();
    const secret = (id: string) =>
      JSON.parse(readFileSync(join(home.envsDir, "devops", "tp99", id, "secrets.json"), "utf8")).webPassword;
    const bobPassword = secret("bob");
    const annPassword = secret("ann");
    await classDown({
      home,
      config,
      lab: fakeLab,
      classId: "devops",
      roster: { source: "devops.csv", format: "csv", students },
      engine,
      concurrency: 1,
      selection: { only: ["bob"] },
    });
    for (const ext of ["md", "html"]) {
      const sheet = readFileSync(join(dir, `students/bob.${ext}`), "utf8");
      expect(sheet).not.toContain(bobPassword);
      expect(sheet).not.toMatch(/Open|Credentials/);
      expect(sheet).toContain("environment removed");
      expect(sheet).toContain("2/5 points"); // the last result stays
      expect(statSync(join(dir, `students/bob.${ext}`)).mode & 0o777).toBe(0o600);
    }
    expect(readFileSync(join(dir, "students/ann.md"), "utf8")).toContain(annPassword);
  });

  it("a re-written report drops the sheets of students who left the roster", async () => {
    const { dir, home, config, engine } = await classWithBrokenBob();
    await classReport({
      home,
      config,
      lab: fakeLab,
      classId: "devops",
      roster: { source: "devops.csv", format: "csv", students: students.slice(0, 1) },
      engine,
      concurrency: 1,
    });
    expect(existsSync(join(dir, "students/ann.md"))).toBe(true);
    expect(existsSync(join(dir, "students/bob.md"))).toBe(false);
  });
});

describe("HTML escaping", () => {
  it("escapes the five special characters and links only http(s)", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(safeHref("javascript:alert(1)")).toBeUndefined();
    expect(safeHref("http://127.0.0.1:20000/?a=1&b=2")).toBe("http://127.0.0.1:20000/?a=1&amp;b=2");
  });
});
