import type { OutcomeStatus, VerifyReport } from "../verify/report-types";

const MARK: Record<OutcomeStatus, string> = { pass: "PASS", fail: "FAIL", error: "ERR ", skipped: "SKIP" };

/** Plain-text verify result for a terminal or a CI log: one line per check, hints for misses. */
export function humanReport(report: VerifyReport): string {
  const width = Math.max(...report.checks.map((c) => c.id.length), 5);
  const lines = [`${report.lab} for ${report.student}`];
  for (const c of report.checks) {
    const score = `${c.earned}/${c.points}`.padStart(5);
    lines.push(`  ${MARK[c.status]}  ${c.id.padEnd(width)}  ${score}  ${c.message}`);
    if (c.status === "fail" || c.status === "error")
      lines.push(`  ${" ".repeat(4)}  ${" ".repeat(width)}  ${" ".repeat(5)}  hint: ${c.hint}`);
  }
  const seconds = (report.durationMs / 1000).toFixed(1);
  lines.push(`${report.status.toUpperCase()}: ${report.earned}/${report.total} points in ${seconds}s`);
  return `${lines.join("\n")}\n`;
}
