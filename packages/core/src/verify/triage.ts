import { brokenContainers, ONE_OFF_LABEL } from "@labctl/docker";
import { type DockerProbe, errorText, LABEL } from "@labctl/sdk";

/**
 * Why a check that did not pass is not worth retrying: the engine is gone (nothing can be
 * decided), or a container of the environment is in a state waiting cannot fix.
 */
export type TriageVerdict =
  | { kind: "engine-gone"; cause: string }
  | { kind: "broken"; causes: string[] }
  | { kind: "clear" };

export interface TriageOptions {
  /** How long the engine gets to answer before it counts as gone. */
  probeTimeoutMs: number;
  /** A verdict is shared by every check asking within this long (one triage per retry round). */
  cacheMs: number;
}

const CLEAR: TriageVerdict = { kind: "clear" };

type Bounded<T> = { value: T } | { error: unknown } | { timeout: true };

async function bounded<T>(work: () => Promise<T>, ms: number): Promise<Bounded<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Bounded<T>>((resolve) => {
    timer = setTimeout(() => resolve({ timeout: true }), ms);
  });
  const answer = Promise.resolve()
    .then(work)
    .then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The labels that select one environment (lab, student, class), when the context has them. */
export function environmentSelector(labels: Record<string, string>): Record<string, string> | undefined {
  const keys = [LABEL.lab, LABEL.student, LABEL.class].filter((k) => labels[k] !== undefined);
  // Without lab and student the filter would match other environments' containers.
  if (!keys.includes(LABEL.lab) || !keys.includes(LABEL.student)) return undefined;
  return Object.fromEntries(keys.map((k) => [k, labels[k] as string]));
}

/** One environment's triage, shared by the checks of a run. */
export class Triage {
  private cached?: { settledAt?: number; verdict: Promise<TriageVerdict> };
  /** Replicas in flight (a deep check has stopped a container on purpose), and how many began. */
  private suspended = 0;
  private suspensions = 0;

  constructor(
    private readonly docker: DockerProbe,
    private readonly selector: Record<string, string> | undefined,
    private readonly opts: TriageOptions,
  ) {}

  /**
   * The probe checks get: a replica (a deep check stopping a container on purpose) turns
   * container triage off while it lasts; one-off containers are marked so triage ignores them.
   */
  watched(docker: DockerProbe): DockerProbe {
    const { withReplica, run } = docker;
    const probe: DockerProbe = { ...docker };
    if (withReplica)
      probe.withReplica = <T>(name: string, use: (replica: string) => Promise<T>) =>
        this.suspendedWhile(() => withReplica.call(docker, name, use) as Promise<T>);
    if (run)
      probe.run = (image, opts) =>
        run.call(docker, image, { ...opts, labels: { ...opts.labels, [ONE_OFF_LABEL]: "true" } });
    return probe;
  }

  /** Runs `work` with container triage off (the engine is still probed). */
  async suspendedWhile<T>(work: () => Promise<T>): Promise<T> {
    this.suspended++;
    this.suspensions++;
    try {
      return await work();
    } finally {
      this.suspended--;
    }
  }

  /** The current verdict: the one in flight or settled less than `cacheMs` ago, else a new one. */
  verdict(deadline: number): Promise<TriageVerdict> {
    const c = this.cached;
    if (c && (c.settledAt === undefined || Date.now() - c.settledAt < this.opts.cacheMs)) return c.verdict;
    const entry: { settledAt?: number; verdict: Promise<TriageVerdict> } = { verdict: this.look(deadline) };
    const settled = () => {
      entry.settledAt = Date.now();
    };
    entry.verdict.then(settled, settled);
    this.cached = entry;
    return entry.verdict;
  }

  private async look(deadline: number): Promise<TriageVerdict> {
    const limit = Math.min(this.opts.probeTimeoutMs, deadline - Date.now());
    if (limit <= 0) return CLEAR;
    const engine = await bounded(() => this.docker.version(), limit);
    if ("error" in engine) return { kind: "engine-gone", cause: errorText(engine.error) };
    if ("timeout" in engine) {
      // Cut short by the deadline, silence proves nothing.
      if (limit < this.opts.probeTimeoutMs) return CLEAR;
      const waited = limit >= 1_000 ? `${Math.round(limit / 1000)} s` : `${limit} ms`;
      return { kind: "engine-gone", cause: `no answer within ${waited}` };
    }
    const { selector } = this;
    const left = Math.min(this.opts.probeTimeoutMs, deadline - Date.now());
    if (!selector || this.suspended > 0 || left <= 0) return CLEAR;
    const before = this.suspensions;
    const listed = await bounded(() => this.docker.containersWithLabels(selector), left);
    // A replica made meanwhile may have stopped its original after the list was taken.
    if (!("value" in listed) || this.suspended > 0 || this.suspensions !== before) return CLEAR;
    const causes = brokenContainers(listed.value);
    return causes.length > 0 ? { kind: "broken", causes } : CLEAR;
  }
}
