import type { CheckStatus } from "@labctl/sdk";

/** A check's final state: the sdk's statuses plus `skipped` (a check it needs did not pass). */
export type OutcomeStatus = CheckStatus | "skipped";

export interface CheckOutcome {
  id: string;
  title: string;
  points: number;
  /** Points earned: all of them on pass, none otherwise. */
  earned: number;
  status: OutcomeStatus;
  message: string;
  /** Shown to the student when the check does not pass. */
  hint: string;
  attempts: number;
  durationMs: number;
  /** Ended by the runner because the Docker engine stopped answering: says nothing of the environment. */
  engineUnreachable?: boolean;
}

/** pass: every check passed; fail: at least one check failed; error: inconclusive. */
export type VerifyStatus = "pass" | "fail" | "error";

export interface VerifyReport {
  lab: string;
  student: string;
  classId: string;
  status: VerifyStatus;
  earned: number;
  total: number;
  startedAt: string;
  durationMs: number;
  checks: CheckOutcome[];
}

export function overallStatus(checks: Pick<CheckOutcome, "status">[]): VerifyStatus {
  if (checks.some((c) => c.status === "fail")) return "fail";
  if (checks.some((c) => c.status !== "pass")) return "error";
  return "pass";
}

/** An inconclusive report because the engine went away mid-run: not a result worth keeping. */
export const endedByEngine = (report: Pick<VerifyReport, "status" | "checks">): boolean =>
  report.status === "error" && report.checks.some((c) => c.engineUnreachable === true);
