import { type DockerProbe, type ServiceView, type TaskView, updatePaused, updateUnderWay } from "@labctl/sdk";

export type Convergence =
  | { ok: true; service: ServiceView; tasks: TaskView[] }
  | { ok: false; problem: string; service?: ServiceView };

/** A spec without its empty parts (Go's omitempty may drop them on one side only). */
function pruned(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruned);
  if (!value || typeof value !== "object") return value;
  const kept = Object.entries(value)
    .map(([key, v]) => [key, pruned(v)] as const)
    .filter(
      ([, v]) => v !== null && v !== "" && !(typeof v === "object" && Object.keys(v as object).length === 0),
    );
  return Object.fromEntries(kept.sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Whether every field the task's spec has holds the service's value. The engine fills defaults
 * into the service's spec (StopGracePeriod, RestartPolicy, Runtime) that the task's copy lacks,
 * so equality would never hold; a task made from an older spec differs in a field it has (the
 * config, image or environment an update changed).
 */
function within(task: unknown, service: unknown): boolean {
  if (Array.isArray(task))
    return (
      Array.isArray(service) && task.length === service.length && task.every((t, i) => within(t, service[i]))
    );
  if (task && typeof task === "object") {
    if (!service || typeof service !== "object") return false;
    return Object.entries(task).every(([key, value]) =>
      within(value, (service as Record<string, unknown>)[key]),
    );
  }
  return task === service;
}

/** Whether a task was made from the service's current task template (raw Engine API JSON or views). */
export const atCurrentSpec = (taskSpec: unknown, taskTemplate: unknown): boolean =>
  within(pruned(taskSpec), pruned(taskTemplate));

const bySlot = (a: TaskView, b: TaskView) => (a.slot ?? 0) - (b.slot ?? 0) || a.id.localeCompare(b.id);

/** "slot 2 is pending: no suitable node", the engine's words for a task that does not run. */
function notRunning(task: TaskView): string {
  const why = task.error || task.message;
  return `slot ${task.slot ?? "?"} is ${task.state}${why ? `: ${why}` : ""}`;
}

/**
 * Whether a service runs `replicas` tasks, all at its current spec, and no update is under way
 * or paused: what `docker service ps` shows once an update or a failover is over. A task is current when the spec it was made
 * from agrees with the service's task template (Swarm copies the template into each task it
 * makes; see `within`).
 */
export async function convergence(docker: DockerProbe, name: string, replicas: number): Promise<Convergence> {
  const service = await docker.service(name);
  if (!service) return { ok: false, problem: `service ${name} does not exist` };
  if (service.replicas !== replicas) {
    const asked =
      service.replicas === undefined ? "a task per node (global)" : `${service.replicas} replicas`;
    return { ok: false, service, problem: `service ${name} asks for ${asked}, not ${replicas}` };
  }
  const all = await docker.tasks(name);
  const wanted = all.filter((t) => t.desiredState === "running").sort(bySlot);
  const running = wanted.filter((t) => t.state === "running");
  const current = running.filter((t) => atCurrentSpec(t.spec, service.taskSpec));
  const update = service.update;
  // Until an update is over (its last task watched for the monitor period), a failure can still
  // roll the service back.
  const settled = !updateUnderWay(update?.state) && !updatePaused(update?.state);
  if (current.length === replicas && wanted.length === replicas && settled) {
    return { ok: true, service, tasks: current };
  }
  // The newest failure of a replaced task says why Swarm keeps replacing them (a crash, no image).
  const failure = all
    .filter((t) => t.desiredState !== "running" && t.error)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  const details = [
    running.length > current.length && `${running.length - current.length} running an older spec`,
    ...wanted.filter((t) => t.state !== "running").map(notRunning),
    update &&
      update.state !== "completed" &&
      `its update is ${update.state}${update.message ? ` (${update.message})` : ""}`,
    failure && `last failure: ${failure.error}`,
  ].filter((d): d is string => typeof d === "string");
  const summary = `${current.length}/${replicas} tasks of ${name} run its current spec`;
  return { ok: false, service, problem: details.length ? `${summary}: ${details.join("; ")}` : summary };
}
