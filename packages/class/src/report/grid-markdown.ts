import { STATUS_MARK } from "@labctl/core";
import type { ClassGrid, GridCell } from "./class-grid";
import { mdCell } from "./markdown-text";

const mark = (cell: GridCell | undefined) =>
  !cell || cell.status === "missing" ? "—" : STATUS_MARK[cell.status];

/** The class grid as Markdown: one row per student (linked to their sheet), one column per check. */
export function gridMarkdown(grid: ClassGrid, sheetLink: (id: string) => string): string {
  const { columns, rows, totals } = grid;
  const header = columns.map((c) => `${mdCell(c.id)} (${c.classLevel ? "class" : c.points})`);
  const lines = [
    `# ${grid.lab}: ${mdCell(grid.title)}, class ${grid.classId}`,
    "",
    `${totals.students} students: ${totals.passed} pass, ${totals.failed} fail, ${totals.errored} inconclusive, ${totals.notVerified} not verified.`,
    "",
    `| student | name | ${header.join(" | ")} | points | status |`,
    `|---|---|${columns.map(() => "---|").join("")}---|---|`,
    ...rows.map((r) => {
      const cells = columns.map((c) => {
        const cell = r.cells[c.id];
        return c.classLevel ? mark(cell) : `${mark(cell)} ${cell?.earned ?? 0}`;
      });
      const status = r.failedClassChecks ? `${r.status} (${r.failedClassChecks.join(", ")})` : r.status;
      return `| [${r.id}](${sheetLink(r.id)}) | ${mdCell(r.name)} | ${cells.join(" | ")} | ${r.earned}/${r.total} | ${status} |`;
    }),
    `| **passed** | | ${columns.map((c) => `${totals.perCheck[c.id]?.passed ?? 0}/${totals.perCheck[c.id]?.ran ?? 0}`).join(" | ")} | | |`,
  ];
  const misses = rows.flatMap((r) =>
    columns
      .filter((c) => ["fail", "error"].includes(r.cells[c.id]?.status ?? ""))
      .map((c) => `- ${r.id}, \`${c.id}\`: ${mdCell(r.cells[c.id]?.message ?? "")}`),
  );
  const unverified = rows.filter((r) => r.error).map((r) => `- ${r.id}: ${mdCell(r.error ?? "")}`);
  if (misses.length > 0) lines.push("", "## What did not pass", "", ...misses);
  if (unverified.length > 0) lines.push("", "## Not verified (or not re-verified)", "", ...unverified);
  return `${lines.join("\n")}\n`;
}
