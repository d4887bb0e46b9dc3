import type { CheckContext } from "./check-context";
import type { LabOutputs } from "./lab";

/** pass and fail are grades; error means the check could not decide (engine down, timeout). */
export type CheckStatus = "pass" | "fail" | "error";

export interface CheckResult {
  status: CheckStatus;
  /** One sentence an instructor can act on, e.g. "ghost cannot reach mysql: ECONNREFUSED". */
  message: string;
}

export interface Check<O extends LabOutputs = LabOutputs> {
  /** kebab-case, unique within the lab. */
  id: string;
  title: string;
  points: number;
  /** Ids of checks that must pass first; when one does not, this check is skipped. */
  needs?: string[];
  /** What a student should look at when the check fails. */
  hint: string;
  /** Opt-in checks that change the environment or take long; run with `verify --deep`. */
  deep?: boolean;
  /** One attempt, never retried: for checks that change the environment (a retry would change it again). */
  once?: boolean;
  /** Per-check readiness deadline override, in milliseconds. */
  timeoutMs?: number;
  /** Probes the environment once. Never prints, never exits; the runner retries until ready. */
  run(ctx: CheckContext<O>): Promise<CheckResult>;
}

export const pass = (message: string): CheckResult => ({ status: "pass", message });
export const fail = (message: string): CheckResult => ({ status: "fail", message });
export const error = (message: string): CheckResult => ({ status: "error", message });
