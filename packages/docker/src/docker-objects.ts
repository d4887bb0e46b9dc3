import type Dockerode from "dockerode";

/** Docker object kinds the docker engine creates and removes (images are never removed). */
export type ObjectKind = "service" | "container" | "secret" | "config" | "network" | "volume";

/** Teardown order: what uses an object goes before it. */
export const TEARDOWN_ORDER: readonly ObjectKind[] = [
  "service",
  "container",
  "secret",
  "config",
  "network",
  "volume",
];

export interface DockerObject {
  kind: ObjectKind;
  id: string;
  name: string;
  labels: Record<string, string>;
}

const SWARM_KINDS = new Set<ObjectKind>(["service", "secret", "config"]);

const labelFilter = (labels: Record<string, string>) => ({
  label: Object.entries(labels).map(([key, value]) => `${key}=${value}`),
});

/** Objects of one kind carrying all the given labels. Swarm kinds list as empty off a Swarm. */
export async function listObjects(
  docker: Dockerode,
  kind: ObjectKind,
  labels: Record<string, string>,
): Promise<DockerObject[]> {
  const filters = labelFilter(labels);
  try {
    switch (kind) {
      case "container":
        return (await docker.listContainers({ all: true, filters })).map((c) => ({
          kind,
          id: c.Id,
          name: (c.Names[0] ?? c.Id).replace(/^\//, ""),
          labels: c.Labels ?? {},
        }));
      case "network":
        return (await docker.listNetworks({ filters })).map((n) => ({
          kind,
          id: n.Id,
          name: n.Name,
          labels: n.Labels ?? {},
        }));
      case "volume":
        return ((await docker.listVolumes({ filters })).Volumes ?? []).map((v) => ({
          kind,
          id: v.Name,
          name: v.Name,
          labels: v.Labels ?? {},
        }));
      case "service":
        return (await docker.listServices({ filters })).map((s) => swarmObject(kind, s.ID, s.Spec));
      case "secret":
        return (await docker.listSecrets({ filters })).map((s) => swarmObject(kind, s.ID, s.Spec));
      case "config":
        return (await docker.listConfigs({ filters })).map((s) => swarmObject(kind, s.ID, s.Spec));
    }
  } catch (error) {
    if (SWARM_KINDS.has(kind) && (error as { statusCode?: number }).statusCode === 503) return [];
    throw error;
  }
}

function swarmObject(
  kind: ObjectKind,
  id: string,
  spec?: { Name?: string; Labels?: Record<string, string> },
): DockerObject {
  return { kind, id, name: spec?.Name ?? id, labels: spec?.Labels ?? {} };
}

/** The object of that kind with exactly that name, labelled or not. */
export async function findByName(
  docker: Dockerode,
  kind: ObjectKind,
  name: string,
): Promise<DockerObject | undefined> {
  if (kind === "volume") {
    const volume = await docker
      .getVolume(name)
      .inspect()
      .catch(() => undefined);
    return volume && { kind, id: volume.Name, name: volume.Name, labels: volume.Labels ?? {} };
  }
  const all = await listUnfiltered(docker, kind, name);
  return all.find((object) => object.name === name);
}

// Docker's name filter matches substrings; callers keep the exact match.
async function listUnfiltered(docker: Dockerode, kind: ObjectKind, name: string): Promise<DockerObject[]> {
  const filters = { name: [name] };
  switch (kind) {
    case "container":
      return (await docker.listContainers({ all: true, filters })).map((c) => ({
        kind,
        id: c.Id,
        name: (c.Names[0] ?? "").replace(/^\//, ""),
        labels: c.Labels ?? {},
      }));
    case "network":
      return (await docker.listNetworks({ filters })).map((n) => ({
        kind,
        id: n.Id,
        name: n.Name,
        labels: n.Labels ?? {},
      }));
    default:
      return (await listObjects(docker, kind, {}).catch(() => [])).filter((o) => o.name === name);
  }
}

/** Removes one object; containers go with their anonymous volumes. Already gone counts as removed. */
export async function removeObject(docker: Dockerode, object: DockerObject): Promise<void> {
  try {
    switch (object.kind) {
      case "container":
        return await docker.getContainer(object.id).remove({ force: true, v: true });
      case "network":
        return await docker.getNetwork(object.id).remove();
      case "volume":
        return await docker.getVolume(object.id).remove();
      case "service":
        return await docker.getService(object.id).remove();
      case "secret":
        return await docker.getSecret(object.id).remove();
      case "config":
        return await docker.getConfig(object.id).remove();
    }
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return;
    throw error;
  }
}

/** Every object carrying `labels`, in teardown order. */
export async function listAll(docker: Dockerode, labels: Record<string, string>): Promise<DockerObject[]> {
  const all: DockerObject[] = [];
  for (const kind of TEARDOWN_ORDER) all.push(...(await listObjects(docker, kind, labels)));
  return all;
}
