import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ClassVerifyStore } from "../class-verify-store";
import type { ClassGrid } from "./class-grid";
import { gridCsv } from "./grid-csv";
import { gridJunit } from "./grid-junit";
import { gridMarkdown } from "./grid-markdown";
import { sheetHtml } from "./sheet-html";
import { sheetMarkdown } from "./sheet-markdown";
import type { StudentSheet } from "./student-sheet";

/** Files are private (0600, directories 0700): sheets hold passwords, the grid names students. */
export function writePrivate(file: string, content: string): string {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600); // an existing file keeps its old mode otherwise
  return file;
}

export const sheetPath = (id: string, ext: string) => `students/${id}.${ext}`;

/**
 * Writes a class report directory: grid.md, grid.csv, grid.json, junit.xml, and per student
 * students/<id>.md and .html. Sheets of students no longer in the roster are removed.
 */
export function writeClassReport(
  dir: string,
  grid: ClassGrid,
  sheets: StudentSheet[],
  store: ClassVerifyStore | undefined,
): string[] {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  rmSync(join(dir, "students"), { recursive: true, force: true });
  mkdirSync(join(dir, "students"), { mode: 0o700 });
  const files = [
    writePrivate(
      join(dir, "grid.md"),
      gridMarkdown(grid, (id) => sheetPath(id, "md")),
    ),
    writePrivate(join(dir, "grid.csv"), gridCsv(grid)),
    writePrivate(join(dir, "grid.json"), `${JSON.stringify(grid, null, 2)}\n`),
    writePrivate(join(dir, "junit.xml"), gridJunit(grid, store)),
  ];
  for (const sheet of sheets) {
    files.push(writePrivate(join(dir, sheetPath(sheet.student.id, "md")), sheetMarkdown(sheet)));
    files.push(writePrivate(join(dir, sheetPath(sheet.student.id, "html")), sheetHtml(sheet)));
  }
  return files;
}
