import { setTimeout as sleep } from "node:timers/promises";
import type { Check, CheckContext, CheckResult, LabOutputs } from "@labctl/sdk";
import type { CheckOutcome } from "./report-types";

export interface RunChecksOptions {
  /** How long one check may keep retrying before its last result stands (readiness window). */
  checkTimeoutMs?: number;
  /** Deadline for the whole run; checks still retrying then keep their last result. */
  totalTimeoutMs?: number;
  /** Pause between two attempts of a check that did not pass. */
  retryIntervalMs?: number;
  /** Include opt-in deep checks. */
  deep?: boolean;
  signal?: AbortSignal;
}

const DEFAULTS = { checkTimeoutMs: 60_000, totalTimeoutMs: 300_000, retryIntervalMs: 1_000 };

/** One attempt, bounded by the deadline; a throw or a hang becomes `error`, never a crash. */
async function attempt<O extends LabOutputs>(
  check: Check<O>,
  ctx: CheckContext<O>,
  deadline: number,
): Promise<CheckResult> {
  const remaining = Math.max(deadline - Date.now(), 1);
  const attemptSignal = AbortSignal.any([ctx.signal, AbortSignal.timeout(remaining)]);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: "error", message: `no answer within ${Math.round(remaining / 1000)}s` }),
      remaining,
    );
  });
  try {
    return await Promise.race([check.run({ ...ctx, signal: attemptSignal }), timeout]);
  } catch (e) {
    return { status: "error", message: `check crashed: ${(e as Error).message ?? String(e)}` };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs a lab's checks against one environment: in parallel, each retried until it passes or its
 * readiness deadline passes (readiness is the runner's job, not the check's); a check whose
 * `needs` did not pass is skipped, not failed.
 */
export async function runChecks<O extends LabOutputs>(
  checks: Check<O>[],
  ctx: Omit<CheckContext<O>, "signal">,
  options: RunChecksOptions = {},
): Promise<CheckOutcome[]> {
  const opts = { ...DEFAULTS, ...options };
  const signal = AbortSignal.any([
    options.signal ?? new AbortController().signal,
    AbortSignal.timeout(opts.totalTimeoutMs),
  ]);
  const runCtx: CheckContext<O> = { ...ctx, signal };
  const totalDeadline = Date.now() + opts.totalTimeoutMs;
  const selected = checks.filter((c) => opts.deep || !c.deep);
  const byId = new Map(selected.map((c) => [c.id, c]));
  const outcomes = new Map<string, Promise<CheckOutcome>>();

  const outcomeOf = (check: Check<O>, path: string[]): Promise<CheckOutcome> => {
    const known = outcomes.get(check.id);
    if (known) return known;
    if (path.includes(check.id)) throw new Error(`checks form a cycle: ${[...path, check.id].join(" -> ")}`);
    const promise = (async (): Promise<CheckOutcome> => {
      const base = { id: check.id, title: check.title, points: check.points, hint: check.hint, earned: 0 };
      const needs = (check.needs ?? [])
        .map((id) => byId.get(id))
        .filter((c): c is Check<O> => c !== undefined);
      const needed = await Promise.all(needs.map((n) => outcomeOf(n, [...path, check.id])));
      const blocking = needed.filter((n) => n.status !== "pass");
      if (blocking.length > 0) {
        const why = blocking.map((b) => `${b.id} (${b.status})`).join(", ");
        return { ...base, status: "skipped", message: `skipped: needs ${why}`, attempts: 0, durationMs: 0 };
      }
      const started = Date.now();
      const deadline = Math.min(started + (check.timeoutMs ?? opts.checkTimeoutMs), totalDeadline);
      let attempts = 0;
      let result: CheckResult;
      for (;;) {
        attempts++;
        result = await attempt(check, runCtx, deadline);
        const final = result.status === "pass" || check.once || signal.aborted;
        // A retry gets at least one interval to answer: one started just before the deadline
        // would be cut off and replace a real answer with "no answer within 0s".
        if (final || Date.now() + 2 * opts.retryIntervalMs > deadline) break;
        await sleep(opts.retryIntervalMs, undefined, { signal }).catch(() => undefined);
      }
      const earned = result.status === "pass" ? check.points : 0;
      return { ...base, ...result, earned, attempts, durationMs: Date.now() - started };
    })();
    outcomes.set(check.id, promise);
    return promise;
  };

  return Promise.all(selected.map((c) => outcomeOf(c, [])));
}
