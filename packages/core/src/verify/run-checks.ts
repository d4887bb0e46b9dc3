import { setTimeout as sleep } from "node:timers/promises";
import type { Check, CheckContext, CheckResult, LabOutputs } from "@labctl/sdk";
import type { CheckOutcome } from "./report-types";
import { environmentSelector, Triage, type TriageVerdict } from "./triage";

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
  /** How long the engine gets to answer a triage before it counts as gone. */
  engineProbeTimeoutMs?: number;
  /** One triage serves every check asking within this long. */
  triageCacheMs?: number;
}

const DEFAULTS = {
  checkTimeoutMs: 60_000,
  totalTimeoutMs: 300_000,
  retryIntervalMs: 1_000,
  engineProbeTimeoutMs: 5_000,
  triageCacheMs: 1_000,
};

const unreachable = (cause: string): CheckResult => ({
  status: "error",
  message: `Docker engine unreachable: ${cause}`,
});

/** Resolves with the engine-gone result once `gone` aborts; `stop` removes the listener. */
function whenGone(gone: AbortSignal): { result: Promise<CheckResult>; stop: () => void } {
  let stop: () => void = () => undefined;
  const result = new Promise<CheckResult>((resolve) => {
    const onAbort = () => resolve(unreachable(String(gone.reason)));
    if (gone.aborted) return onAbort();
    gone.addEventListener("abort", onAbort, { once: true });
    stop = () => gone.removeEventListener("abort", onAbort);
  });
  return { result, stop };
}

/**
 * One attempt, bounded by the deadline and cut short when the engine is found gone; a throw or
 * a hang becomes `error`, never a crash.
 */
async function attempt<O extends LabOutputs>(
  check: Check<O>,
  ctx: CheckContext<O>,
  deadline: number,
  gone: AbortSignal,
): Promise<CheckResult> {
  const remaining = Math.max(deadline - Date.now(), 1);
  const attemptSignal = AbortSignal.any([ctx.signal, gone, AbortSignal.timeout(remaining)]);
  const engineGone = whenGone(gone);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: "error", message: `no answer within ${Math.round(remaining / 1000)}s` }),
      remaining,
    );
  });
  try {
    return await Promise.race([check.run({ ...ctx, signal: attemptSignal }), timeout, engineGone.result]);
  } catch (e) {
    return { status: "error", message: `check crashed: ${(e as Error).message ?? String(e)}` };
  } finally {
    clearTimeout(timer);
    engineGone.stop();
  }
}

/**
 * Runs a lab's checks against one environment: in parallel, each retried until it passes or its
 * readiness deadline passes (readiness is the runner's job, not the check's); a check whose
 * `needs` did not pass is skipped, not failed. Before a retry, a triage (one per round, shared)
 * asks whether waiting can help: an engine gone ends every running check `error` at once; a
 * container stopped, dead or crash-looping ends the check `fail` at once, naming it.
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
  // Tests without a Docker probe get no triage.
  const triage = (ctx.docker as Partial<typeof ctx.docker> | undefined)?.version
    ? new Triage(ctx.docker, environmentSelector(ctx.labels ?? {}), {
        probeTimeoutMs: opts.engineProbeTimeoutMs,
        cacheMs: opts.triageCacheMs,
      })
    : undefined;
  const gone = new AbortController();
  const runCtx: CheckContext<O> = { ...ctx, docker: triage?.watched(ctx.docker) ?? ctx.docker, signal };
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
        const attemptStarted = Date.now();
        result = await attempt(check, runCtx, deadline, gone.signal);
        const tookMs = Date.now() - attemptStarted;
        if (result.status === "pass" || gone.signal.aborted || signal.aborted) break;
        const verdict: TriageVerdict = (await triage?.verdict(deadline)) ?? { kind: "clear" };
        if (verdict.kind === "engine-gone") {
          if (!gone.signal.aborted) gone.abort(verdict.cause);
          break;
        }
        if (verdict.kind === "broken") {
          // Waiting cannot help: stop now, naming the causes the check's message does not already name.
          const message = result.message;
          const news = verdict.causes.filter((cause) => !message.includes(cause.split(" ")[0] ?? cause));
          result = {
            status: "fail",
            message: news.length > 0 ? `${message}; cause: ${news.join("; ")}` : message,
          };
          break;
        }
        // A retry gets at least one interval, and as long as the last attempt took, to answer:
        // one cut off by the deadline would replace a real answer with "no answer within 2s".
        const retryNeedsMs = opts.retryIntervalMs + Math.max(opts.retryIntervalMs, tookMs);
        if (check.once || Date.now() + retryNeedsMs > deadline) break;
        await sleep(opts.retryIntervalMs, undefined, {
          signal: AbortSignal.any([signal, gone.signal]),
        }).catch(() => undefined);
        if (gone.signal.aborted) break;
      }
      if (gone.signal.aborted && result.status !== "pass") {
        const ended = unreachable(String(gone.signal.reason));
        return {
          ...base,
          ...ended,
          earned: 0,
          attempts,
          durationMs: Date.now() - started,
          engineUnreachable: true,
        };
      }
      const earned = result.status === "pass" ? check.points : 0;
      return { ...base, ...result, earned, attempts, durationMs: Date.now() - started };
    })();
    outcomes.set(check.id, promise);
    return promise;
  };

  return Promise.all(selected.map((c) => outcomeOf(c, [])));
}
