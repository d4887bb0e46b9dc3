import { setTimeout as sleep } from "node:timers/promises";
import { ExitCode, LabctlError, updatePaused, updateUnderWay } from "@labctl/sdk";
import type Dockerode from "dockerode";
import { parseGoDuration } from "../go-duration";
import { stableStringify } from "../spec-hash";

/** How long up waits for a service's tasks to run (a program's convergeConfig.timeout wins). */
export const SERVICE_CONVERGE_BUDGET_MS = 120_000;
/** How often the tasks are listed meanwhile (a program's convergeConfig.delay wins). */
export const SERVICE_CONVERGE_POLL_MS = 1_000;

interface Task {
  DesiredState?: string;
  Status?: { State?: string; Err?: string; Message?: string; Timestamp?: string };
  Spec?: Record<string, unknown>;
}

interface ServiceInfo {
  Spec?: {
    Mode?: { Replicated?: { Replicas?: number }; Global?: object };
    TaskTemplate?: Record<string, unknown>;
  };
  UpdateStatus?: { State?: string; Message?: string };
}

export interface Convergence {
  running: number;
  wanted: number;
  done: boolean;
  /** Set when waiting longer cannot help (an update paused or rolled back). */
  failed?: string;
  lastError?: string;
}

/**
 * How far a service is from its desired state (pure): as many tasks running at the current task
 * spec as it wants, none pending, and no rolling update under way. `afterUpdate`: a rollback
 * completed means our update was refused.
 */
export function convergence(service: ServiceInfo, tasks: Task[], afterUpdate = false): Convergence {
  const template = comparable(service.Spec?.TaskTemplate);
  const wanting = tasks.filter((task) => task.DesiredState === "running");
  const wanted = service.Spec?.Mode?.Global
    ? wanting.length
    : (service.Spec?.Mode?.Replicated?.Replicas ?? 1);
  const running = wanting.filter(
    (task) => task.Status?.State === "running" && comparable(task.Spec) === template,
  ).length;
  const update = service.UpdateStatus?.State;
  const updating = updateUnderWay(update);
  const stuck = updatePaused(update) || (afterUpdate && update === "rollback_completed");
  return {
    running,
    wanted,
    done: !updating && !stuck && running === wanted && wanting.length === wanted,
    failed: stuck ? `its update is ${update}: ${service.UpdateStatus?.Message ?? "no message"}` : undefined,
    lastError: lastError(wanting) ?? lastError(tasks),
  };
}

/** What a rolling update changes in a task, as both the task and the service's template show it. */
const TASK_FIELDS = [
  "Image",
  "Command",
  "Args",
  "Env",
  "Dir",
  "User",
  "Hostname",
  "Labels",
  "Mounts",
  "Secrets",
  "Configs",
];

/**
 * A task runs the current spec when it shows the service's template: right after an update
 * Docker has not started rolling yet, and the old tasks must not count. Only what a task copies
 * verbatim is compared (Docker leaves defaults such as the stop grace period off the task's copy).
 */
function comparable(spec: Record<string, unknown> | undefined): string {
  const container = (spec?.ContainerSpec ?? {}) as Record<string, unknown>;
  const picked = Object.fromEntries(TASK_FIELDS.map((key) => [key, container[key]]));
  return stableStringify({ container: picked, networks: spec?.Networks, force: spec?.ForceUpdate ?? 0 });
}

/** The newest task error: why a task is pending ("no suitable node …") or why the last one failed. */
function lastError(tasks: Task[]): string | undefined {
  const newest = [...tasks]
    .filter((task) => task.Status?.Err)
    .sort((a, b) => (b.Status?.Timestamp ?? "").localeCompare(a.Status?.Timestamp ?? ""));
  return newest[0]?.Status?.Err;
}

export interface ConvergeOptions {
  signal?: AbortSignal;
  budgetMs?: number;
  pollMs?: number;
  afterUpdate?: boolean;
}

/**
 * Waits until the service's tasks run at its desired count and spec, within a budget: unlike
 * `docker service create`, never forever. Cancelled by the run's signal.
 */
export async function waitForService(
  docker: Dockerode,
  service: { id: string; name: string },
  opts: ConvergeOptions = {},
): Promise<void> {
  const budgetMs = opts.budgetMs ?? SERVICE_CONVERGE_BUDGET_MS;
  const deadline = Date.now() + budgetMs;
  for (;;) {
    const info = (await docker.getService(service.id).inspect()) as ServiceInfo;
    const tasks = (await docker.listTasks({ filters: { service: [service.id] } })) as Task[];
    const state = convergence(info, tasks, opts.afterUpdate);
    if (state.done) return;
    if (state.failed || Date.now() >= deadline) throw notConverged(service.name, state, budgetMs);
    await sleep(opts.pollMs ?? SERVICE_CONVERGE_POLL_MS, undefined, { signal: opts.signal });
  }
}

function notConverged(name: string, state: Convergence, budgetMs: number): LabctlError {
  const why = state.failed ?? `not converged after ${Math.round(budgetMs / 1000)} s`;
  const error = state.lastError ? `; last task error: ${state.lastError}` : "";
  return new LabctlError(
    `Swarm service ${name} ${why}: ${state.running}/${state.wanted} tasks running${error}.`,
    `Look at \`docker service ps ${name} --no-trunc\`; free what the error names (a port, a node, an image), then run up again.`,
    ExitCode.infrastructure,
    "SERVICE_NOT_CONVERGED",
  );
}

/** The budget and poll interval a program's convergeConfig asks for, ours otherwise. */
export function convergeTimings(config: { delay?: string; timeout?: string } | undefined) {
  const timeout = parseGoDuration(config?.timeout);
  const delay = parseGoDuration(config?.delay);
  return {
    budgetMs: timeout === undefined ? SERVICE_CONVERGE_BUDGET_MS : timeout / 1e6,
    pollMs:
      delay === undefined ? SERVICE_CONVERGE_POLL_MS : Math.min(delay / 1e6, SERVICE_CONVERGE_POLL_MS * 5),
  };
}
