import { XMLParser } from "fast-xml-parser";
import type { VerifyReport } from "../verify/report-types";
import { humanReport } from "./human-report";
import { junitReport } from "./junit-report";
import { markdownReport } from "./markdown-report";

const report: VerifyReport = {
  lab: "tp03",
  student: "alice",
  classId: "default",
  status: "fail",
  earned: 2,
  total: 6,
  startedAt: "2026-11-22T08:00:00.000Z",
  durationMs: 1500,
  checks: [
    {
      id: "mysql-running",
      title: "MySQL runs",
      points: 2,
      earned: 2,
      status: "pass",
      message: "running, healthy",
      hint: "h1",
      attempts: 1,
      durationMs: 10,
    },
    {
      id: "ghost-http",
      title: "Ghost answers",
      points: 2,
      earned: 0,
      status: "fail",
      message: 'GET <url> gave 502 & "bad"',
      hint: "look at logs",
      attempts: 3,
      durationMs: 900,
    },
    {
      id: "ghost-schema",
      title: "Schema | tables",
      points: 2,
      earned: 0,
      status: "skipped",
      message: "skipped: needs ghost-http (fail)",
      hint: "h3",
      attempts: 0,
      durationMs: 0,
    },
  ],
};

describe("reports", () => {
  it("JUnit XML parses back with counts, failures and escaped text", () => {
    const xml = junitReport([report]);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const suite = parsed.testsuites.testsuite;
    expect(parsed.testsuites["@_tests"]).toBe("3");
    expect(suite["@_name"]).toBe("tp03/alice");
    expect(suite["@_failures"]).toBe("1");
    expect(suite["@_skipped"]).toBe("1");
    expect(suite.testcase[1].failure["@_message"]).toBe('GET <url> gave 502 & "bad"');
    expect(suite.testcase[0].failure).toBeUndefined();
    expect(suite.testcase[2].skipped["@_message"]).toMatch(/needs ghost-http/);
  });

  it("Markdown escapes table cells and lists hints of misses only", () => {
    const md = markdownReport(report);
    expect(md).toContain("tp03 / alice: fail (2/6 points)");
    expect(md).toContain("Schema \\| tables");
    expect(md).toContain("- `ghost-http`: look at logs");
    expect(md).not.toContain("`mysql-running`: h1");
  });

  it("human output has one line per check and a score line", () => {
    const text = humanReport(report);
    expect(text).toMatch(/PASS {2}mysql-running +2\/2 {2}running, healthy/);
    expect(text).toMatch(/FAIL {2}ghost-http/);
    expect(text).toContain("hint: look at logs");
    expect(text.trim().split("\n").at(-1)).toBe("FAIL: 2/6 points in 1.5s");
  });
});
