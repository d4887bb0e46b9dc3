import { setTimeout as sleep } from "node:timers/promises";
import { type DockerProbe, type ServiceConfigChange, updateUnderWay } from "@labctl/sdk";
import type Docker from "dockerode";
import { configView, type ServiceJson, serviceView, swarmView, type TaskJson, taskView } from "./swarm-views";

type SwarmProbe = Pick<DockerProbe, "swarm" | "service" | "tasks" | "config" | "withServiceConfig" | "kill">;
type ConfigRef = { ConfigID?: string; ConfigName?: string };

/**
 * How long withServiceConfig waits for the way back to be over (3 tasks one at a time, their
 * delays and the monitor period) before it leaves the temporary config, labelled, for `down`.
 */
export const RESTORE_BUDGET_MS = 180_000;
const RESTORE_POLL_MS = 500;

const statusOf = (e: unknown) => (e as { statusCode?: number }).statusCode;

async function orUndefined<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    if (statusOf(e) === 404) return undefined;
    throw e;
  }
}

/**
 * Points the service's reference to config `from` at `to` (keeping its file). False when the
 * service no longer mounts `from` (Swarm rolled an update back on its own, say). A concurrent
 * change of the service ("update out of sequence") is retried on the new version.
 */
async function repoint(docker: Docker, name: string, from: string, to: ConfigRef): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const service = docker.getService(name);
    const live = (await service.inspect()) as ServiceJson & { Spec: Record<string, unknown> };
    const spec = structuredClone(live.Spec) as ServiceJson["Spec"] & Record<string, unknown>;
    const refs = (spec.TaskTemplate?.ContainerSpec as { Configs?: ConfigRef[] } | undefined)?.Configs ?? [];
    const ref = refs.find((r) => r.ConfigName === from);
    if (!ref) return false;
    Object.assign(ref, to);
    try {
      await service.update({ _query: { version: live.Version?.Index }, _body: spec });
      return true;
    } catch (e) {
      if (attempt >= 3 || !/out of sequence/i.test(String((e as Error).message))) throw e;
    }
  }
}

const mounts = (service: ServiceJson, config: string) =>
  (service.Spec?.TaskTemplate?.ContainerSpec?.Configs ?? []).some((c) => c.ConfigName === config);

/** The service once no update is under way, or undefined at the deadline. */
async function updateOver(docker: Docker, name: string, deadline: number): Promise<ServiceJson | undefined> {
  for (;;) {
    const live = (await docker.getService(name).inspect()) as ServiceJson;
    if (!updateUnderWay(live.UpdateStatus?.State)) return live;
    if (Date.now() >= deadline) return undefined;
    await sleep(RESTORE_POLL_MS);
  }
}

/**
 * Points the service back at its own config and waits until that update is over: until then a
 * failure (a task killed by the next check) rolls the service back to the temporary config, so
 * removing it earlier would leave a service whose spec names a config that no longer exists.
 * A rollback that happened is undone once more. True when the service is back and settled.
 */
async function restore(docker: Docker, name: string, temporary: string, back: ConfigRef): Promise<boolean> {
  const deadline = Date.now() + RESTORE_BUDGET_MS;
  for (let attempt = 1; attempt <= 2; attempt++) {
    await repoint(docker, name, temporary, back);
    const over = await updateOver(docker, name, deadline);
    if (!over) return false;
    if (!mounts(over, temporary)) return true;
  }
  return false;
}

/** Swarm's part of the checks' probe: services, tasks and configs, and two deep changes. */
export function swarmProbe(docker: Docker): SwarmProbe {
  return {
    swarm: async () => swarmView(await docker.info()),
    service: (name) =>
      orUndefined(async () => serviceView((await docker.getService(name).inspect()) as ServiceJson)),
    async tasks(service) {
      // The filter is given the service's id, which every engine version takes (the CLI resolves
      // names the same way); the id also keeps another service whose name starts alike out.
      const found = await orUndefined(
        async () => (await docker.getService(service).inspect()) as ServiceJson,
      );
      if (!found) return [];
      const list = await orUndefined(() => docker.listTasks({ filters: { service: [found.ID] } }));
      return ((list ?? []) as TaskJson[]).map(taskView);
    },
    config: (name) => orUndefined(async () => configView(await docker.getConfig(name).inspect())),
    async withServiceConfig<T>(name: string, change: ServiceConfigChange, use: () => Promise<T>) {
      const live = (await docker.getService(name).inspect()) as ServiceJson;
      const original = live.Spec?.TaskTemplate?.ContainerSpec?.Configs?.find(
        (c) => c.ConfigName === change.replace,
      );
      if (!original) throw new Error(`service ${name} does not mount config ${change.replace}`);
      const created = (await docker.createConfig({
        Name: change.with.name,
        Labels: change.with.labels,
        Data: Buffer.from(change.with.data).toString("base64"),
      })) as { id?: string; ID?: string };
      const id = created.id ?? created.ID ?? change.with.name;
      try {
        await repoint(docker, name, change.replace, { ConfigID: id, ConfigName: change.with.name });
        return await use();
      } finally {
        const back = { ConfigID: original.ConfigID, ConfigName: original.ConfigName };
        // Labelled: left (not back in time) or refused (still in use), `down` removes it.
        if (await restore(docker, name, change.with.name, back)) {
          await docker
            .getConfig(id)
            .remove()
            .catch(() => undefined);
        }
      }
    },
    async kill(name) {
      const container = docker.getContainer(name);
      // 409: it is not running (any more); it is removed all the same.
      await container.kill({ signal: "SIGKILL" }).catch((e: unknown) => {
        if (statusOf(e) !== 409) throw e;
      });
      await container.remove({ force: true }).catch((e: unknown) => {
        // Gone already, or the engine is removing it.
        if (statusOf(e) !== 404 && statusOf(e) !== 409) throw e;
      });
    },
  };
}
