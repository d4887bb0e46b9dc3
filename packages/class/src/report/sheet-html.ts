import type { OutcomeStatus } from "@labctl/core";
import { escapeHtml as h, safeHref } from "./escape-html";
import type { StudentSheet } from "./student-sheet";

const STYLE =
  "body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}" +
  "table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}" +
  "code{background:#f4f4f4;padding:0 .2rem}.pass{color:#186a1e}.fail{color:#b00020}.error,.skipped{color:#8a6d00}";

const MARK: Record<OutcomeStatus, string> = {
  pass: "pass",
  fail: "FAIL",
  error: "inconclusive",
  skipped: "skipped",
};

function table(title: string, entries: [string, string][], link = false): string {
  if (entries.length === 0) return "";
  const rows = entries.map(([key, value]) => {
    const href = link ? safeHref(value) : undefined;
    const shown = href ? `<a href="${href}">${h(value)}</a>` : `<code>${h(value)}</code>`;
    return `<tr><th>${h(key)}</th><td>${shown}</td></tr>`;
  });
  return `<h2>${h(title)}</h2>\n<table>\n${rows.join("\n")}\n</table>\n`;
}

/** A student's sheet as a standalone HTML page; every value from outside is escaped. */
export function sheetHtml(sheet: StudentSheet): string {
  const { student, verify } = sheet;
  const title = `${sheet.lab.id}: ${sheet.lab.title}`;
  const parts = [
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${h(title)} (${h(student.name)})</title>\n<style>${STYLE}</style>\n</head>\n<body>`,
    `<h1>${h(title)}</h1>`,
    `<p><strong>${h(student.name)}</strong> (<code>${h(student.id)}</code>)${student.email ? ` &lt;${h(student.email)}&gt;` : ""}, class ${h(sheet.classId)}</p>`,
    sheet.up
      ? ""
      : `<p class="error">Your environment is not up${sheet.note ? `: ${h(sheet.note)}` : ""}.</p>`,
    table("Open", sheet.urls, true),
    table("Credentials (keep them to yourself)", sheet.credentials),
    table("Details", sheet.details),
    table(
      "Host ports",
      Object.entries(sheet.ports).map(([role, port]) => [role, String(port)]),
    ),
  ];
  if (verify) {
    const rows = verify.checks.map(
      (c) =>
        `<tr class="${c.status}"><td>${MARK[c.status]}</td><td>${h(c.title)}</td><td>${c.earned}/${c.points}</td><td>${h(c.message)}${
          (c.status === "fail" || c.status === "error") && c.hint ? `<br><em>${h(c.hint)}</em>` : ""
        }</td></tr>`,
    );
    parts.push(
      `<h2>Last check (${h(verify.at)}): ${h(verify.status)}, ${verify.earned}/${verify.total} points</h2>`,
      `<table>\n<tr><th></th><th>check</th><th>points</th><th>result</th></tr>\n${rows.join("\n")}\n</table>`,
    );
  }
  parts.push("</body>\n</html>\n");
  return parts.filter((p) => p.length > 0).join("\n");
}
