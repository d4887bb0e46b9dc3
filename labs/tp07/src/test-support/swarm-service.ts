import { setTimeout as sleep } from "node:timers/promises";
import type Dockerode from "dockerode";
import { atCurrentSpec } from "../checks/convergence";

/** A live ServiceSpec, loosely typed: engine tests change fields dockerode's types do not all name. */
// biome-ignore lint/suspicious/noExplicitAny: Docker's JSON, changed in place by the test's edit.
export type LiveSpec = Record<string, any>;

/**
 * Changes a Swarm service behind labctl's back, as a student would with `docker service update`,
 * then waits until Swarm has rolled it out (every desired task running the new spec).
 */
export async function updateService(
  docker: Dockerode,
  name: string,
  edit: (spec: LiveSpec) => void,
): Promise<void> {
  const service = docker.getService(name);
  const live = await service.inspect();
  const spec = structuredClone(live.Spec) as LiveSpec;
  edit(spec);
  await service.update({ _query: { version: live.Version.Index }, _body: spec });
  await converged(docker, name);
}

/** Waits until the service's update is over and as many tasks run as it asks for. */
export async function converged(docker: Dockerode, name: string, timeoutMs = 180_000): Promise<void> {
  let last = "";
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(1_000)) {
    const live = await docker.getService(name).inspect();
    const wanted = live.Spec.Mode?.Replicated?.Replicas ?? 1;
    const tasks = await docker.listTasks({ filters: { service: [name], "desired-state": ["running"] } });
    // Only tasks made from the spec just set count: right after an update, the old ones still run
    // and the update's state may not show "updating" yet.
    const running = tasks.filter(
      (t) => t.Status?.State === "running" && atCurrentSpec(t.Spec, live.Spec.TaskTemplate),
    ).length;
    const update = live.UpdateStatus?.State;
    last = `${running}/${wanted} tasks running, update ${update ?? "none"}`;
    if (running === wanted && tasks.length === wanted && update !== "updating") return;
  }
  throw new Error(`service ${name} did not converge in ${timeoutMs} ms: ${last}`);
}
