import { stringify } from "csv-stringify/sync";
import type { ClassGrid } from "./class-grid";

/**
 * The class grid as CSV for a spreadsheet: one row per student, each check's earned points as a
 * number, totals, and what did not pass in words (class-level checks give a status, not points).
 */
export function gridCsv(grid: ClassGrid): string {
  const header = [
    "id",
    "name",
    "email",
    "status",
    "earned",
    "total",
    ...grid.columns.map((c) => (c.classLevel ? c.id : `${c.id} (${c.points})`)),
    "not passing",
  ];
  const rows = grid.rows.map((r) => [
    r.id,
    r.name,
    r.email ?? "",
    r.status,
    r.earned,
    r.total,
    ...grid.columns.map((c) => {
      const cell = r.cells[c.id];
      if (!cell || cell.status === "missing") return "";
      return c.classLevel ? cell.status : cell.earned;
    }),
    [
      ...grid.columns
        .filter((c) => ["fail", "error"].includes(r.cells[c.id]?.status ?? ""))
        .map((c) => `${c.id}: ${r.cells[c.id]?.status}`),
      ...(r.error ? [r.error] : []),
    ].join("; "),
  ]);
  // A BOM (EF BB BF) makes Excel read the file as UTF-8, accented names intact; csv-parse skips it.
  return stringify([header, ...rows], { bom: true });
}
