/** The Swarm part of the checks' view of an engine (see DockerProbe). */

/** `docker info`'s Swarm section: whether this engine is in a swarm, and as what. */
export interface SwarmView {
  /** inactive | pending | active | error | locked */
  localNodeState: string;
  /** This node is a manager: it can answer the Swarm API (services, tasks, configs). */
  controlAvailable: boolean;
  nodeId: string;
  /** The engine's own words when joining or running the swarm failed. */
  error: string;
  managers: number;
  nodes: number;
}

/** A secret or config a service mounts: the object, and the file it becomes in the container. */
export interface SwarmFileRef {
  id: string;
  name: string;
  /** Its path in the container (a bare name is under /run/secrets or /). */
  target: string;
}

/** `docker service inspect`, narrowed. */
export interface ServiceView {
  id: string;
  name: string;
  labels: Record<string, string>;
  /** The object's version: every update of the service raises it. */
  version: number;
  image: string;
  /** Replicas asked for; undefined for a global service. */
  replicas?: number;
  /** The task template as the engine holds it: a task created from the current spec has an equal `spec`. */
  taskSpec: unknown;
  env: Record<string, string>;
  configs: SwarmFileRef[];
  secrets: SwarmFileRef[];
  /** The networks the spec attaches, as it names them (ids, usually). */
  networks: string[];
  /** vip | dnsrr */
  endpointMode: string;
  /** The last rolling update: its state (updating, paused, completed, rollback_*) and the engine's message. */
  update?: { state: string; message: string };
  /** The whole inspect JSON, as `docker service inspect` prints it: for checks that search it. */
  inspect: string;
}

/** One task of a service, as `docker service ps` lists it (history included). */
export interface TaskView {
  id: string;
  serviceId: string;
  /** Replicated services: which replica it is; a replacement takes the slot of the task it replaces. */
  slot?: number;
  nodeId: string;
  /** What Swarm wants of it: running, or shutdown for a task it replaced. */
  desiredState: string;
  /** new | pending | assigned | accepted | preparing | starting | running | complete | failed | shutdown | rejected | orphaned | remove */
  state: string;
  message: string;
  /** Why it failed or was rejected, in the engine's words ("" when it did not). */
  error: string;
  /** Its container, once it has one. */
  containerId?: string;
  exitCode?: number;
  /** The task spec it was made from: equal to the service's `taskSpec` when it is current. */
  spec: unknown;
  /** Network name -> its addresses there (no prefix length). */
  addresses: Record<string, string[]>;
  createdAt: string;
  updatedAt: string;
}

/** A Swarm config, its data decoded as UTF-8 text. */
export interface SwarmConfigView {
  id: string;
  name: string;
  labels: Record<string, string>;
  data: string;
}

/** For `withServiceConfig`: the config a service uses, and the one to use instead, created for the while. */
export interface ServiceConfigChange {
  /** The name of a config the service mounts now. */
  replace: string;
  /** The config created in its place (same file in the container); the environment's labels, so `down` finds it. */
  with: { name: string; data: string; labels: Record<string, string> };
}
