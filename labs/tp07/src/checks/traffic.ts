import { setTimeout as sleep } from "node:timers/promises";
import { type CheckContext, type CheckResult, error, errorText } from "@labctl/sdk";
import type { Tp07Outputs } from "../outputs";
import { ingressGet, servedBy } from "./web-answer";

/**
 * Pacing of the deep checks (a test shrinks it). One request at a time: at most one is in flight
 * when a task dies, so each failure is the proxy's answer to a request, not a pile-up.
 */
export const TRAFFIC = { gapMs: 100, requestTimeoutMs: 3_000, pollMs: 1_000 };

export interface Answer {
  /** When the request was sent, and when its answer (or failure) came (ms since the epoch). */
  at: number;
  doneAt: number;
  ok: boolean;
  /** "HTTP 502", "ECONNRESET (…)", or the task that served it. */
  what: string;
  body: string;
}

/** Requests through the ingress, one after the other, until `stop` (or the check's signal). */
export function startTraffic(ctx: Pick<CheckContext<Tp07Outputs>, "http" | "outputs" | "signal">) {
  const answers: Answer[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped && !ctx.signal.aborted) {
      const at = Date.now();
      try {
        const res = await ingressGet(ctx, { timeoutMs: TRAFFIC.requestTimeoutMs });
        const task = servedBy(res.body);
        const ok = res.status === 200 && task !== undefined;
        const what = ok ? (task as string) : `HTTP ${res.status}`;
        answers.push({ at, doneAt: Date.now(), ok, what, body: res.body });
      } catch (err) {
        answers.push({ at, doneAt: Date.now(), ok: false, what: errorText(err), body: "" });
      }
      await sleep(TRAFFIC.gapMs);
    }
  })();
  return {
    answers,
    /** Stops after the request in flight; resolves with every answer. */
    async stop(): Promise<Answer[]> {
      stopped = true;
      await loop;
      return answers;
    },
  };
}

/** Polls `probe` until it answers `done`, at most `timeoutMs`; the last answer either way. */
export async function pollUntil<T extends { done: boolean }>(
  probe: () => Promise<T>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await probe();
    if (state.done || Date.now() >= deadline || signal.aborted) return state;
    await sleep(TRAFFIC.pollMs);
  }
}

/** "HTTP 502 ×2, ECONNRESET ×1" */
export function failureTally(answers: Answer[]): string {
  const counts = new Map<string, number>();
  for (const a of answers) counts.set(a.what, (counts.get(a.what) ?? 0) + 1);
  return [...counts].map(([what, n]) => `${what} ×${n}`).join(", ");
}

export const requests = (n: number) => `${n} request${n === 1 ? "" : "s"}`;

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

let tail: Promise<unknown> = Promise.resolve();

/**
 * The deep checks that disturb web run one at a time (verify runs checks in parallel): a task
 * killed during a rolling update would make either check blame the other's disturbance. A check
 * whose run was given up (its deadline, Ctrl-C) while it waited does not start its work.
 */
export function oneAtATime(signal: AbortSignal, work: () => Promise<CheckResult>): Promise<CheckResult> {
  const guarded = () =>
    signal.aborted ? Promise.resolve(error("verify was stopped before this check could start")) : work();
  const run = tail.then(guarded, guarded);
  tail = run.catch(() => undefined);
  return run;
}
