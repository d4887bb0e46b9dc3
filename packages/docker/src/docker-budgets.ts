/** How long labctl waits for the Docker engine, per kind of call (milliseconds). */
export interface DockerBudgets {
  /** Until the socket is connected (unix, tcp) or the SSH session is ready. */
  connectMs: number;
  /** `/_ping`: pre-flights and doctor ask first, and want a quick no. */
  pingMs: number;
  /** Reads, for the whole answer; streams and attaches, until the headers (or upgrade) arrive. */
  requestMs: number;
  /** Plain POST/PUT/DELETE, for the whole answer: the engine works first (start, forced remove). */
  changeMs: number;
  /** Calls known to work long before answering (see LONG_CALLS). */
  longMs: number;
}

export const DEFAULT_BUDGETS: DockerBudgets = {
  connectMs: 5_000,
  pingMs: 5_000,
  requestMs: 15_000,
  changeMs: 60_000,
  longMs: 10 * 60_000,
};

/** What docker-modem's `dial` receives from dockerode (the fields labctl reads). */
export interface DialCall {
  path: string;
  method: string;
  isStream?: boolean;
  hijack?: boolean;
  openStdin?: boolean;
  options?: Record<string, unknown>;
  abortSignal?: AbortSignal;
}

export interface CallBudget {
  /** "GET /containers/json", for messages. */
  label: string;
  ms: number;
  /**
   * "answer": the whole exchange (dockerode calls back once the body arrived).
   * "headers": until the engine starts answering; the body (a stream, a wait) takes what it takes.
   */
  until: "answer" | "headers";
}

/**
 * Calls that legitimately take long before the engine answers anything, so they get `longMs`:
 * the client uploads first (build context, image tarball, files into a container), or the engine
 * does slow work first (a pull's first progress line waits on the registry; commit snapshots a
 * container; prune and df walk every layer; swarm init/join wait for Raft). They never run
 * first in a command: the pre-flight ping (or the first plain call) has proved the engine answers.
 */
const LONG_CALLS: [method: string, path: RegExp][] = [
  ["POST", /^\/build$/],
  ["POST", /^\/images\/create$/],
  ["POST", /^\/images\/.+\/push$/],
  ["POST", /^\/images\/load$/],
  ["PUT", /^\/containers\/[^/]+\/archive$/],
  ["POST", /^\/commit$/],
  ["POST", /^\/[a-z]+\/prune$/],
  ["GET", /^\/system\/df$/],
  ["POST", /^\/swarm\/(init|join|leave|update|unlock)$/],
  ["POST", /^\/plugins\/(pull|[^/]+\/upgrade)$/],
];

/** The budget of one Engine API call. */
export function budgetFor(call: DialCall, budgets: DockerBudgets): CallBudget {
  const method = (call.method ?? "GET").toUpperCase();
  const path = call.path.split("?")[0]?.replace(/^\/v[\d.]+(?=\/)/, "") ?? "";
  const label = `${method} ${path}`;
  const streaming = call.isStream === true || call.hijack === true || call.openStdin === true;
  if (path === "/_ping") return { label, ms: budgets.pingMs, until: "answer" };
  if (LONG_CALLS.some(([m, p]) => m === method && p.test(path)))
    return { label, ms: budgets.longMs, until: streaming ? "headers" : "answer" };
  // stop and restart answer once the container is down: after `t` seconds of grace, at most.
  if (method === "POST" && /^\/containers\/[^/]+\/(stop|restart)$/.test(path)) {
    const t = Number(call.options?.t);
    const ms = Number.isFinite(t) && t >= 0 ? budgets.changeMs + t * 1000 : budgets.longMs;
    return { label, ms, until: "answer" };
  }
  // The engine sends wait's headers at once and its body when the container exits.
  if (method === "POST" && /^\/containers\/[^/]+\/wait$/.test(path))
    return { label, ms: budgets.requestMs, until: "headers" };
  if (streaming) return { label, ms: budgets.requestMs, until: "headers" };
  const reads = method === "GET" || method === "HEAD";
  return { label, ms: reads ? budgets.requestMs : budgets.changeMs, until: "answer" };
}
