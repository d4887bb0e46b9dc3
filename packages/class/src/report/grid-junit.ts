import { type CheckOutcome, junitReport, type VerifyReport } from "@labctl/core";
import type { ClassVerifyStore } from "../class-verify-store";
import type { ClassGrid, GridRow } from "./class-grid";

const errorCase = (message: string): CheckOutcome => ({
  id: "verify",
  title: "environment verified",
  points: 0,
  earned: 0,
  status: "error",
  message,
  hint: "",
  attempts: 0,
  durationMs: 0,
});

/** The row's class-level outcomes (isolation) as the student's own test cases. */
function classCases(grid: ClassGrid, store: ClassVerifyStore | undefined, row: GridRow): CheckOutcome[] {
  return (store?.classChecks ?? []).flatMap((check) => {
    const outcome = check.outcomes[row.id];
    return outcome && grid.columns.some((c) => c.id === check.id) ? [{ ...outcome, title: check.title }] : [];
  });
}

/**
 * JUnit XML for the class: one suite per student with a result or an error: their checks, a
 * case for each class-level check (isolation: a student others can reach fails their suite),
 * and an error case when their last verify could not run (the previous result, if any, stays).
 */
export function gridJunit(grid: ClassGrid, store: ClassVerifyStore | undefined): string {
  const now = new Date().toISOString();
  const reports: VerifyReport[] = [];
  for (const row of grid.rows) {
    const report = store?.reports[row.id];
    if (!report && !row.error) continue;
    const checks = [
      ...(report?.checks ?? []),
      ...classCases(grid, store, row),
      ...(row.error ? [errorCase(row.error)] : []),
    ];
    reports.push({
      lab: grid.lab,
      student: row.id,
      classId: grid.classId,
      status: row.status === "not-verified" ? "error" : row.status,
      earned: row.earned,
      total: row.total,
      startedAt: report?.startedAt ?? store?.updatedAt ?? now,
      durationMs: report?.durationMs ?? 0,
      checks,
    });
  }
  return junitReport(reports);
}
