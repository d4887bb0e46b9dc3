import type { OutcomeStatus, VerifyReport } from "../verify/report-types";

export const STATUS_MARK: Record<OutcomeStatus, string> = {
  pass: "✅",
  fail: "❌",
  error: "⚠️",
  skipped: "⏭️",
};

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** A Markdown summary of one verify run (the GitHub step summary, a student's sheet). */
export function markdownReport(report: VerifyReport): string {
  const lines = [
    `### ${report.lab} / ${report.student}: ${report.status} (${report.earned}/${report.total} points)`,
    "",
    "| | check | points | result |",
    "|---|---|---|---|",
    ...report.checks.map(
      (c) =>
        `| ${STATUS_MARK[c.status]} | ${cell(c.title)} (\`${c.id}\`) | ${c.earned}/${c.points} | ${cell(c.message)} |`,
    ),
  ];
  const hints = report.checks.filter((c) => c.status === "fail" || c.status === "error");
  if (hints.length > 0) lines.push("", "**Hints**", "", ...hints.map((c) => `- \`${c.id}\`: ${c.hint}`));
  return `${lines.join("\n")}\n`;
}
