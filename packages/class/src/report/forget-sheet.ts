import { existsSync } from "node:fs";
import { join } from "node:path";
import type { VerifyReport } from "@labctl/core";
import type { Lab, Student } from "@labctl/sdk";
import { sheetHtml } from "./sheet-html";
import { sheetMarkdown } from "./sheet-markdown";
import { sheetVerify, studentSheet } from "./student-sheet";
import { sheetPath, writePrivate } from "./write-class-report";

/**
 * After `class down`, rewrites the student's sheets in a report directory without what pointed
 * at the environment (URLs, credentials, ports), saying it was removed; the last result stays.
 * Only sheets that exist are rewritten. Gives the files written.
 */
export function forgetSheet(
  dir: string,
  input: { lab: Lab; classId: string; student: Student; report?: VerifyReport },
): string[] {
  const { report } = input;
  const sheet = studentSheet({
    ...input,
    secrets: [],
    ports: {},
    note: `environment removed by \`labctl class down\` on ${new Date().toISOString().slice(0, 10)}`,
    verify: sheetVerify(report),
  });
  const written: string[] = [];
  for (const [ext, render] of [
    ["md", sheetMarkdown],
    ["html", sheetHtml],
  ] as const) {
    const file = join(dir, sheetPath(input.student.id, ext));
    if (existsSync(file)) written.push(writePrivate(file, render(sheet)));
  }
  return written;
}
