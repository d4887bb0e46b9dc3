import { junitReport } from "../../report/junit-report";
import type { CheckOutcome, VerifyReport } from "../../verify/report-types";
import type { ClassVerifyStore } from "../class-verify-store";
import type { ClassGrid } from "./class-grid";

/**
 * JUnit XML for the class: one suite per verified student (their report), one per student who
 * could not be verified (a single error case), one per class-level check (a case per student).
 */
export function gridJunit(grid: ClassGrid, store: ClassVerifyStore | undefined): string {
  const now = new Date().toISOString();
  const reports: VerifyReport[] = [];
  for (const row of grid.rows) {
    const report = store?.reports[row.id];
    if (report) reports.push(report);
    else if (row.error)
      reports.push({
        lab: grid.lab,
        student: row.id,
        classId: grid.classId,
        status: "error",
        earned: 0,
        total: row.total,
        startedAt: store?.updatedAt ?? now,
        durationMs: 0,
        checks: [
          {
            id: "verify",
            title: "environment verified",
            points: 0,
            earned: 0,
            status: "error",
            message: row.error,
            hint: "",
            attempts: 0,
            durationMs: 0,
          },
        ],
      });
  }
  for (const check of store?.classChecks ?? []) {
    const checks: CheckOutcome[] = grid.rows.flatMap((r) => {
      const outcome = check.outcomes[r.id];
      return outcome ? [{ ...outcome, id: `${check.id}-${r.id}`, title: `${check.title} (${r.id})` }] : [];
    });
    reports.push({
      lab: grid.lab,
      student: "class",
      classId: grid.classId,
      status: checks.some((c) => c.status === "fail") ? "fail" : "pass",
      earned: 0,
      total: 0,
      startedAt: store?.updatedAt ?? now,
      durationMs: Math.max(0, ...checks.map((c) => c.durationMs)),
      checks,
    });
  }
  return junitReport(reports);
}
