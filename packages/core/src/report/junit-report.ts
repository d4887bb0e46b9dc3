import { XMLBuilder } from "fast-xml-parser";
import type { VerifyReport } from "../verify/report-types";

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** JUnit XML for CI: one testsuite per environment (lab/student), one testcase per check. */
export function junitReport(reports: VerifyReport[]): string {
  const count = (r: VerifyReport, s: string) => r.checks.filter((c) => c.status === s).length;
  const suites = reports.map((r) => ({
    "@_name": `${r.lab}/${r.student}`,
    "@_tests": r.checks.length,
    "@_failures": count(r, "fail"),
    "@_errors": count(r, "error"),
    "@_skipped": count(r, "skipped"),
    "@_time": seconds(r.durationMs),
    "@_timestamp": r.startedAt,
    testcase: r.checks.map((c) => ({
      "@_classname": `${r.lab}.${r.student}`,
      "@_name": `${c.id}: ${c.title}`,
      "@_time": seconds(c.durationMs),
      ...(c.status === "fail" && { failure: { "@_message": c.message, "#text": `hint: ${c.hint}` } }),
      ...(c.status === "error" && { error: { "@_message": c.message, "#text": `hint: ${c.hint}` } }),
      ...(c.status === "skipped" && { skipped: { "@_message": c.message } }),
    })),
  }));
  const sum = (f: (r: VerifyReport) => number) => reports.reduce((n, r) => n + f(r), 0);
  const doc = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    testsuites: {
      "@_name": "labctl",
      "@_tests": sum((r) => r.checks.length),
      "@_failures": sum((r) => count(r, "fail")),
      "@_errors": sum((r) => count(r, "error")),
      "@_skipped": sum((r) => count(r, "skipped")),
      "@_time": seconds(sum((r) => r.durationMs)),
      testsuite: suites,
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    format: true,
    suppressEmptyNode: true,
    processEntities: true,
  });
  return builder.build(doc) as string;
}
