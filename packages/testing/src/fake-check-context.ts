import { objectName } from "@labctl/core";
import type {
  CheckContext,
  ContainerView,
  DockerProbe,
  ExecResult,
  HttpRequest,
  HttpResponse,
  ImageView,
  LabOutputs,
  NetworkView,
  RegistryAuth,
  RunOptions,
  RunResult,
  ServiceView,
  SwarmConfigView,
  SwarmView,
  TaskView,
  VolumeView,
} from "@labctl/sdk";

type Awaitable<T> = T | Promise<T>;

export interface FakeCheckContextOptions<O extends LabOutputs> {
  outputs: O;
  lab?: string;
  studentId?: string;
  labels?: Record<string, string>;
  containers?: ContainerView[];
  volumes?: VolumeView[];
  networks?: NetworkView[];
  /** Image reference (or id) -> image. */
  images?: Record<string, ImageView>;
  /** Answers `docker.exec`; without it, exec rejects so a test cannot pass by accident. */
  exec?: (
    container: string,
    cmd: string[],
    opts?: { env?: string[]; user?: string },
  ) => Awaitable<ExecResult>;
  /** Answers `http.request`; throw (e.g. `networkError("ECONNREFUSED")`) to simulate a network failure. */
  http?: (url: string, req?: HttpRequest) => Awaitable<HttpResponse>;
  /** Container name -> its logs; a container missing here has none (the real probe: undefined). */
  logs?: Record<string, string>;
  /** Answers `docker.withReplica`; without it the probe has none, like a read-only probe. */
  withReplica?: DockerProbe["withReplica"];
  /** Answers `docker.run` (a one-off container); without it the probe has no `run`. */
  run?: (image: string, opts: RunOptions) => Awaitable<RunResult>;
  /** Answers `docker.pullImage`/`pushImage`/`removeImage`; without it the probe has none of them. */
  imageTransfer?: (op: "pull" | "push" | "remove", ref: string, auth?: RegistryAuth) => Awaitable<void>;
  /** The engine's Swarm membership; without it the engine is in no swarm (like most engines). */
  swarm?: SwarmView;
  /** Swarm services, found by name or id; the tables below are read at each call, so a test may change them. */
  services?: ServiceView[];
  /** Service name -> its tasks (history included), or a function answering `docker.tasks`. */
  tasks?: Record<string, TaskView[]> | ((service: string) => Awaitable<TaskView[]>);
  configs?: SwarmConfigView[];
  /** Answers `docker.withServiceConfig`; without it the probe has none, like a read-only probe. */
  withServiceConfig?: DockerProbe["withServiceConfig"];
  /** Answers `docker.kill`; without it the probe has none. */
  kill?: (container: string) => Awaitable<void>;
  /** When set, every Docker call rejects with it: the engine is unreachable. */
  dockerError?: Error;
}

/** What a real engine answers to the Swarm API when it is no manager (a 503). */
const NOT_A_MANAGER = Object.assign(
  new Error(
    '(HTTP code 503) unexpected - This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
  ),
  { statusCode: 503 },
);

/** An Error shaped like a Node network failure (`err.code`), as the real HTTP probe throws it. */
export function networkError(code: string, message = `connect ${code}`): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * A CheckContext whose Docker and HTTP probes answer from in-memory tables, so a lab's checks
 * can be tested without an engine. Lookups of missing objects resolve to undefined, like the real probe.
 */
export function fakeCheckContext<O extends LabOutputs>(opts: FakeCheckContextOptions<O>): CheckContext<O> {
  const lab = opts.lab ?? "tp99";
  const studentId = opts.studentId ?? "alice";
  const containers = opts.containers ?? [];
  const byName = <T extends { name: string; id?: string }>(list: T[] | undefined, key: string) =>
    list?.find((item) => item.name === key || item.id === key);
  const answer = async <T>(value: () => Awaitable<T>): Promise<T> => {
    if (opts.dockerError) throw opts.dockerError;
    return value();
  };
  // Off a manager the Swarm API refuses, as the engine does.
  const manager = <T>(value: () => Awaitable<T>): Promise<T> =>
    answer(() => {
      if (!opts.swarm?.controlAvailable) throw NOT_A_MANAGER;
      return value();
    });
  const docker: DockerProbe = {
    version: () => answer(() => ({ version: "20.10.24", apiVersion: "1.41" })),
    container: (name) => answer(() => byName(containers, name)),
    volume: (name) => answer(() => byName(opts.volumes, name)),
    network: (name) => answer(() => byName(opts.networks, name)),
    image: (ref) => answer(() => opts.images?.[ref]),
    exec: (container, cmd, execOpts) =>
      answer(() => {
        if (!opts.exec)
          throw new Error(`fakeCheckContext: no exec handler for ${container}: ${cmd.join(" ")}`);
        return opts.exec(container, cmd, execOpts);
      }),
    containersWithLabels: (labels) =>
      answer(() =>
        containers.filter((c) => Object.entries(labels).every(([key, value]) => c.labels[key] === value)),
      ),
    logs: (name) => answer(() => opts.logs?.[name]),
    swarm: () =>
      answer(() => opts.swarm ?? swarmView({ localNodeState: "inactive", controlAvailable: false })),
    service: (name) => manager(() => byName(opts.services, name)),
    tasks: (service) =>
      manager(() => {
        const { tasks } = opts;
        if (typeof tasks === "function") return tasks(service);
        const named = byName(opts.services, service)?.name ?? service;
        return tasks?.[named] ?? [];
      }),
    config: (name) => manager(() => byName(opts.configs, name)),
  };
  const { withReplica } = opts;
  if (withReplica) docker.withReplica = (name, use) => answer(() => withReplica(name, use));
  const { run } = opts;
  if (run) docker.run = (image, runOpts) => answer(() => run(image, runOpts));
  const { imageTransfer: transfer } = opts;
  if (transfer) {
    docker.pullImage = (ref, auth) => answer(() => transfer("pull", ref, auth));
    docker.pushImage = (ref, auth) => answer(() => transfer("push", ref, auth));
    docker.removeImage = (ref) => answer(() => transfer("remove", ref));
  }
  const { withServiceConfig: swap, kill } = opts;
  if (swap) docker.withServiceConfig = (service, change, use) => manager(() => swap(service, change, use));
  if (kill) docker.kill = (name) => answer(() => kill(name));
  return {
    lab,
    studentId,
    outputs: opts.outputs,
    name: (role) => objectName(lab, studentId, role),
    labels: opts.labels ?? { "dev.labctl.lab": lab, "dev.labctl.student": studentId },
    docker,
    http: {
      request: async (url, req) => {
        if (!opts.http) throw networkError("ECONNREFUSED", `connect ECONNREFUSED ${url}`);
        return opts.http(url, req);
      },
    },
    signal: new AbortController().signal,
  };
}

type ContainerViewInput = Partial<Omit<ContainerView, "state">> & { state?: Partial<ContainerView["state"]> };

/** A running container with empty defaults; `state.status` alone also sets `running`. */
export function containerView(partial: ContainerViewInput = {}): ContainerView {
  const name = partial.name ?? "container";
  const status = partial.state?.status ?? "running";
  return {
    id: `${name}-id`,
    image: "image:latest",
    imageId: `sha256:${name}`,
    restartPolicy: "no",
    user: "",
    env: {},
    labels: {},
    cmd: [],
    entrypoint: [],
    networks: {},
    mounts: [],
    ports: [],
    ...partial,
    name,
    state: { status, running: status === "running", exitCode: 0, ...partial.state },
  };
}

export function volumeView(partial: Partial<VolumeView> & { name: string }): VolumeView {
  return {
    driver: "local",
    mountpoint: `/var/lib/docker/volumes/${partial.name}/_data`,
    labels: {},
    ...partial,
  };
}

export function networkView(partial: Partial<NetworkView> & { name: string }): NetworkView {
  return {
    id: `${partial.name}-id`,
    driver: "bridge",
    internal: false,
    labels: {},
    containers: [],
    ...partial,
  };
}

/** An engine that is the manager of a one-node swarm (override to make it a worker, or in none). */
export function swarmView(partial: Partial<SwarmView> = {}): SwarmView {
  return {
    localNodeState: "active",
    controlAvailable: true,
    nodeId: "node1",
    error: "",
    managers: 1,
    nodes: 1,
    ...partial,
  };
}

/** A replicated service with one replica and an empty task template. */
export function serviceView(partial: Partial<ServiceView> & { name: string }): ServiceView {
  return {
    id: `${partial.name}-id`,
    labels: {},
    version: 10,
    image: "image:latest",
    replicas: 1,
    taskSpec: { ContainerSpec: { Image: partial.image ?? "image:latest" } },
    env: {},
    configs: [],
    secrets: [],
    networks: [],
    endpointMode: "vip",
    inspect: JSON.stringify({ Spec: { Name: partial.name } }),
    ...partial,
  };
}

/** A running task of `service` (its `taskSpec` copied: it is current), in slot 1 unless told. */
export function taskView(service: ServiceView, partial: Partial<TaskView> = {}): TaskView {
  const id = partial.id ?? `${service.name}-task${partial.slot ?? 1}`;
  return {
    id,
    serviceId: service.id,
    slot: 1,
    nodeId: "node1",
    desiredState: "running",
    state: "running",
    message: "started",
    error: "",
    containerId: `${id}-container`,
    spec: structuredClone(service.taskSpec),
    addresses: {},
    createdAt: "2026-12-01T20:00:00.000000000Z",
    updatedAt: "2026-12-01T20:00:01.000000000Z",
    ...partial,
  };
}
