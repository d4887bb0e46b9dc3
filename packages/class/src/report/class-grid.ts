import type { OutcomeStatus, VerifyReport, VerifyStatus } from "@labctl/core";
import type { Lab, Student } from "@labctl/sdk";
import type { ClassCheckResult, ClassVerifyStore } from "../class-verify-store";

export interface GridColumn {
  id: string;
  title: string;
  points: number;
  /** A class-level check (isolation): shown, never graded. */
  classLevel: boolean;
}

export interface GridCell {
  /** `missing`: the student was not verified, or the check did not run for them. */
  status: OutcomeStatus | "missing";
  earned: number;
  points: number;
  message: string;
}

export interface GridRow {
  id: string;
  name: string;
  email?: string;
  /** `not-verified`: no class verify has covered this student yet. */
  status: VerifyStatus | "not-verified";
  earned: number;
  total: number;
  cells: Record<string, GridCell>;
  /** Class-level checks (isolation) this student failed: they make the row `fail`, points or not. */
  failedClassChecks?: string[];
  /** Why the student could not be verified, or re-verified (the last result then stands). */
  error?: string;
  verifiedAt?: string;
}

/** The class grid: students x checks with points and totals (`grid.json` is exactly this). */
export interface ClassGrid {
  lab: string;
  title: string;
  classId: string;
  generatedAt: string;
  columns: GridColumn[];
  rows: GridRow[];
  totals: {
    students: number;
    passed: number;
    failed: number;
    errored: number;
    notVerified: number;
    /** Per column: students who passed it, out of those it ran for. */
    perCheck: Record<string, { passed: number; ran: number }>;
  };
}

const missing = (points: number, message: string): GridCell => ({
  status: "missing",
  earned: 0,
  points,
  message,
});

function columnsOf(lab: Lab, reports: VerifyReport[], classChecks: ClassCheckResult[]): GridColumn[] {
  const ran = new Set(reports.flatMap((r) => r.checks.map((c) => c.id)));
  return [
    ...lab.checks
      .filter((c) => !c.deep || ran.has(c.id))
      .map((c) => ({ id: c.id, title: c.title, points: c.points, classLevel: false })),
    ...classChecks.map((c) => ({ id: c.id, title: c.title, points: c.points, classLevel: true })),
  ];
}

/** "not re-verified: <why> (last result from 2026-03-02 14:05 UTC)". */
export const notReverified = (why: string, lastAt: string) =>
  `not re-verified: ${why} (last result from ${lastAt.slice(0, 16).replace("T", " ")} UTC)`;

/** Builds the grid from the roster and the stored verify results (students in roster order). */
export function classGrid(
  lab: Lab,
  classId: string,
  students: Student[],
  store?: ClassVerifyStore,
): ClassGrid {
  const reports = store?.reports ?? {};
  const classChecks = store?.classChecks ?? [];
  const columns = columnsOf(lab, Object.values(reports), classChecks);
  const total = columns.reduce((n, c) => n + c.points, 0);
  const rows = students.map((student): GridRow => {
    const report = reports[student.id];
    const stored = store?.errors[student.id]?.message;
    const error = stored && report ? notReverified(stored, report.startedAt) : stored;
    const base = { id: student.id, name: student.name, ...(student.email && { email: student.email }) };
    const cells: Record<string, GridCell> = {};
    for (const column of columns) {
      const outcome = column.classLevel
        ? classChecks.find((c) => c.id === column.id)?.outcomes[student.id]
        : report?.checks.find((c) => c.id === column.id);
      cells[column.id] = outcome
        ? { status: outcome.status, earned: outcome.earned, points: outcome.points, message: outcome.message }
        : missing(column.points, error ?? "not verified");
    }
    const failedClassChecks = columns
      .filter((c) => c.classLevel && cells[c.id]?.status === "fail")
      .map((c) => c.id);
    const row: GridRow = report
      ? { ...base, status: report.status, earned: report.earned, total, cells, verifiedAt: report.startedAt }
      : { ...base, status: error ? "error" : "not-verified", earned: 0, total, cells };
    if (error) row.error = error;
    // Isolation is not graded, but a student others can reach has not passed.
    if (failedClassChecks.length > 0) Object.assign(row, { status: "fail", failedClassChecks });
    return row;
  });
  const perCheck = Object.fromEntries(
    columns.map((c) => {
      const cells = rows.map((r) => r.cells[c.id]).filter((cell) => cell && cell.status !== "missing");
      return [c.id, { passed: cells.filter((cell) => cell?.status === "pass").length, ran: cells.length }];
    }),
  );
  return {
    lab: lab.id,
    title: lab.title.en,
    classId,
    generatedAt: new Date().toISOString(),
    columns,
    rows,
    totals: {
      students: rows.length,
      passed: rows.filter((r) => r.status === "pass").length,
      failed: rows.filter((r) => r.status === "fail").length,
      errored: rows.filter((r) => r.status === "error").length,
      notVerified: rows.filter((r) => r.status === "not-verified").length,
      perCheck,
    },
  };
}
