import { STATUS_MARK } from "@labctl/core";
import { mdCell } from "./markdown-text";
import type { StudentSheet } from "./student-sheet";

const table = (title: string, entries: [string, string][]) =>
  entries.length === 0
    ? []
    : [
        `## ${title}`,
        "",
        "| | |",
        "|---|---|",
        ...entries.map(([k, v]) => `| ${mdCell(k)} | \`${mdCell(v).replace(/`/g, "'")}\` |`),
        "",
      ];

/** A student's sheet as Markdown. */
export function sheetMarkdown(sheet: StudentSheet): string {
  const { student } = sheet;
  const lines = [
    `# ${sheet.lab.id}: ${mdCell(sheet.lab.title)}`,
    "",
    `**${mdCell(student.name)}** (\`${student.id}\`)${student.email ? ` <${mdCell(student.email)}>` : ""}, class ${sheet.classId}`,
    "",
  ];
  if (!sheet.up) lines.push(`Your environment is not up${sheet.note ? `: ${mdCell(sheet.note)}` : ""}.`, "");
  lines.push(
    ...table("Open", sheet.urls),
    ...table("Credentials (keep them to yourself)", sheet.credentials),
    ...table("Details", sheet.details),
    ...table(
      "Host ports",
      Object.entries(sheet.ports).map(([role, port]) => [role, String(port)]),
    ),
  );
  if (sheet.verify) {
    const v = sheet.verify;
    lines.push(
      `## Last check (${v.at}): ${v.status}, ${v.earned}/${v.total} points`,
      "",
      "| | check | points | result |",
      "|---|---|---|---|",
    );
    for (const c of v.checks)
      lines.push(
        `| ${STATUS_MARK[c.status]} | ${mdCell(c.title)} | ${c.earned}/${c.points} | ${mdCell(c.message)} |`,
      );
    const hints = v.checks.filter((c) => (c.status === "fail" || c.status === "error") && c.hint);
    if (hints.length > 0)
      lines.push(
        "",
        "**What to look at**",
        "",
        ...hints.map((c) => `- ${mdCell(c.title)}: ${mdCell(c.hint)}`),
      );
    lines.push("");
  }
  return `${lines.join("\n")}`;
}
