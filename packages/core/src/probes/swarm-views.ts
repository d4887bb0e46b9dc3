import type { ServiceView, SwarmConfigView, SwarmFileRef, SwarmView, TaskView } from "@labctl/sdk";

// The Engine API's Swarm objects, as far as the views read them (dockerode types them `any`).
interface FileRefJson {
  SecretID?: string;
  SecretName?: string;
  ConfigID?: string;
  ConfigName?: string;
  File?: { Name?: string };
}
interface ContainerSpecJson {
  Image?: string;
  Env?: string[];
  Secrets?: FileRefJson[];
  Configs?: FileRefJson[];
}
export interface ServiceJson {
  ID: string;
  Version?: { Index?: number };
  Spec?: {
    Name?: string;
    Labels?: Record<string, string>;
    TaskTemplate?: { ContainerSpec?: ContainerSpecJson; Networks?: { Target?: string }[] };
    Mode?: { Replicated?: { Replicas?: number } };
    EndpointSpec?: { Mode?: string };
  };
  UpdateStatus?: { State?: string; Message?: string };
}
export interface TaskJson {
  ID: string;
  ServiceID?: string;
  Slot?: number;
  NodeID?: string;
  DesiredState?: string;
  Spec?: unknown;
  CreatedAt?: string;
  UpdatedAt?: string;
  Status?: {
    State?: string;
    Message?: string;
    Err?: string;
    ContainerStatus?: { ContainerID?: string; ExitCode?: number };
  };
  NetworksAttachments?: { Network?: { Spec?: { Name?: string } }; Addresses?: string[] | string }[];
}

const envRecord = (env: string[] | undefined): Record<string, string> =>
  Object.fromEntries((env ?? []).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));

const fileRefs = (refs: FileRefJson[] | undefined, kind: "Secret" | "Config"): SwarmFileRef[] =>
  (refs ?? []).map((r) => ({
    id: r[`${kind}ID`] ?? "",
    name: r[`${kind}Name`] ?? "",
    target: r.File?.Name ?? "",
  }));

/** `docker info` -> its Swarm section. */
export function swarmView(info: { Swarm?: Record<string, unknown> }): SwarmView {
  const s = info.Swarm ?? {};
  return {
    localNodeState: String(s.LocalNodeState ?? "inactive"),
    controlAvailable: s.ControlAvailable === true,
    nodeId: String(s.NodeID ?? ""),
    error: String(s.Error ?? ""),
    managers: Number(s.Managers ?? 0),
    nodes: Number(s.Nodes ?? 0),
  };
}

export function serviceView(json: ServiceJson): ServiceView {
  const spec = json.Spec ?? {};
  const container = spec.TaskTemplate?.ContainerSpec ?? {};
  const update = json.UpdateStatus;
  return {
    id: json.ID,
    name: spec.Name ?? "",
    labels: spec.Labels ?? {},
    version: json.Version?.Index ?? 0,
    image: container.Image ?? "",
    replicas: spec.Mode?.Replicated ? (spec.Mode.Replicated.Replicas ?? 1) : undefined,
    taskSpec: spec.TaskTemplate ?? {},
    env: envRecord(container.Env),
    configs: fileRefs(container.Configs, "Config"),
    secrets: fileRefs(container.Secrets, "Secret"),
    networks: (spec.TaskTemplate?.Networks ?? []).map((n) => n.Target ?? ""),
    endpointMode: spec.EndpointSpec?.Mode ?? "vip",
    update: update?.State ? { state: update.State, message: update.Message ?? "" } : undefined,
    inspect: JSON.stringify(json, null, 2),
  };
}

export function taskView(json: TaskJson): TaskView {
  const status = json.Status ?? {};
  const addresses: Record<string, string[]> = {};
  for (const attachment of json.NetworksAttachments ?? []) {
    const name = attachment.Network?.Spec?.Name;
    // Older engines gave one string, newer ones a list; each with its prefix length.
    if (name) addresses[name] = [attachment.Addresses ?? []].flat().map((a) => a.replace(/\/\d+$/, ""));
  }
  return {
    id: json.ID,
    serviceId: json.ServiceID ?? "",
    slot: json.Slot,
    nodeId: json.NodeID ?? "",
    desiredState: json.DesiredState ?? "",
    state: status.State ?? "",
    message: status.Message ?? "",
    error: status.Err ?? "",
    containerId: status.ContainerStatus?.ContainerID || undefined,
    exitCode: status.ContainerStatus?.ExitCode,
    spec: json.Spec ?? {},
    addresses,
    createdAt: json.CreatedAt ?? "",
    updatedAt: json.UpdatedAt ?? "",
  };
}

export function configView(json: {
  ID: string;
  Spec?: { Name?: string; Labels?: Record<string, string>; Data?: string };
}): SwarmConfigView {
  return {
    id: json.ID,
    name: json.Spec?.Name ?? "",
    labels: json.Spec?.Labels ?? {},
    data: Buffer.from(json.Spec?.Data ?? "", "base64").toString("utf8"),
  };
}
