import type { ServiceConfigChange, ServiceView, SwarmConfigView, SwarmView, TaskView } from "./swarm-views";

export type {
  ServiceConfigChange,
  ServiceView,
  SwarmConfigView,
  SwarmFileRef,
  SwarmView,
  TaskView,
} from "./swarm-views";

/**
 * The Docker engine as checks see it: a narrow, engine-agnostic view so checks stay small
 * and can be tested against a fake. Missing objects resolve to `undefined`, never throw.
 */
export interface DockerProbe {
  version(): Promise<{ version: string; apiVersion: string }>;
  container(name: string): Promise<ContainerView | undefined>;
  volume(name: string): Promise<VolumeView | undefined>;
  network(name: string): Promise<NetworkView | undefined>;
  image(ref: string): Promise<ImageView | undefined>;
  /** Runs a command in a running container and collects its output. */
  exec(container: string, cmd: string[], opts?: { env?: string[]; user?: string }): Promise<ExecResult>;
  /** Containers carrying all the given labels. */
  containersWithLabels(labels: Record<string, string>): Promise<ContainerView[]>;
  /** A container's stdout and stderr, interleaved, like `docker logs`. */
  logs(container: string): Promise<string | undefined>;
  /** The engine's Swarm membership (`docker info`); answers off a swarm too (state inactive). */
  swarm(): Promise<SwarmView>;
  /** A Swarm service by name or id. Off a manager the engine refuses: a throw, not undefined. */
  service(name: string): Promise<ServiceView | undefined>;
  /** A service's tasks, its history included (`docker service ps`); [] for a missing service. */
  tasks(service: string): Promise<TaskView[]>;
  /** A Swarm config by name or id. */
  config(name: string): Promise<SwarmConfigView | undefined>;
  /**
   * Stops a container and starts a copy of it with the same configuration, as re-creating it
   * would (`docker rm` then the same `docker run`): named volumes and bind mounts are shared, the
   * container's own file system is not. `use` gets the copy's name; then the copy is removed and
   * the original started again, so the environment (and an engine's state) is as it was.
   * It changes the environment: for opt-in deep checks; absent from read-only probes.
   */
  withReplica?<T>(container: string, use: (replica: string) => Promise<T>): Promise<T>;
  /**
   * `docker pull` through the engine, logged in to the image's registry when `auth` is given.
   * Rejects with the engine's or the registry's message. Like the two below, it changes the
   * engine's images: absent from read-only probes.
   */
  pullImage?(ref: string, auth?: RegistryAuth): Promise<void>;
  /** `docker push` of a local image through the engine. */
  pushImage?(ref: string, auth?: RegistryAuth): Promise<void>;
  /** `docker rmi` of one reference; a missing image is not an error. */
  removeImage?(ref: string): Promise<void>;
  /**
   * A one-off container, like `docker run --rm --network none <image> <cmd...>` (or `opts.network`): `cmd` replaces
   * the image's CMD, its ENTRYPOINT stays. Resolves once it exits (or is killed at the timeout),
   * after removing it. A container the engine cannot start (executable not found) resolves with
   * the engine's exit code (126/127) and its message as logs. Absent from read-only probes.
   */
  run?(image: string, opts: RunOptions): Promise<RunResult>;
  /**
   * Creates the config `change.with`, points the service's reference to `change.replace` at it
   * (the same file in its containers: a rolling update, under the service's update policy), runs
   * `use`, then points the service back at `change.replace` (another rolling update), waits until
   * that update is over, and removes the new config (left for `down`, labelled, if the way back
   * did not settle in time or the engine still refuses). Rejects, changing
   * nothing, when the service does not mount `change.replace`. Absent from read-only probes.
   */
  withServiceConfig?<T>(service: string, change: ServiceConfigChange, use: () => Promise<T>): Promise<T>;
  /**
   * Kills a container with SIGKILL, as a crash would, then removes it so no exited container is
   * left behind (a Swarm task's container: Swarm replaces the task). Absent from read-only probes.
   */
  kill?(container: string): Promise<void>;
}

export interface RunOptions {
  /** Replaces the image's CMD; omitted, the image's CMD runs. */
  cmd?: string[];
  /** The environment's labels: a container left behind by a crash is still found by `down`. */
  labels: Record<string, string>;
  /** Kill the container when it is still running after this long (default 30 s). */
  timeoutMs?: number;
  /** Attach it to this network instead of none (a Swarm overlay must be attachable). */
  network?: string;
}

export interface RunResult {
  exitCode: number;
  /** stdout and stderr, interleaved. */
  logs: string;
  /** It did not exit by itself before the timeout, and was killed. */
  timedOut: boolean;
}

/** Credentials for a registry, as `docker login <serveraddress>` takes them. */
export interface RegistryAuth {
  username: string;
  password: string;
  /** Registry host[:port], e.g. "127.0.0.1:5000". */
  serveraddress: string;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface PublishedPort {
  containerPort: number;
  protocol: "tcp" | "udp";
  hostIp: string;
  hostPort: number;
}

export interface ContainerView {
  id: string;
  name: string;
  image: string;
  imageId: string;
  state: {
    status: string; // created | running | exited | ...
    running: boolean;
    exitCode: number;
    /** healthy | unhealthy | starting, when the container has a healthcheck. */
    health?: string;
    /** Times the engine restarted it after it exited (its restart policy); a crash loop counts up. */
    restartCount?: number;
  };
  restartPolicy: string;
  user: string;
  env: Record<string, string>;
  labels: Record<string, string>;
  cmd: string[];
  entrypoint: string[];
  /** Network name -> aliases and address on it. */
  networks: Record<string, { aliases: string[]; ipAddress: string }>;
  mounts: { type: string; name?: string; source: string; destination: string }[];
  ports: PublishedPort[];
}

export interface VolumeView {
  name: string;
  driver: string;
  mountpoint: string;
  labels: Record<string, string>;
}

export interface NetworkView {
  id: string;
  name: string;
  driver: string;
  internal: boolean;
  labels: Record<string, string>;
  /** Names of attached containers. */
  containers: string[];
}

export interface ImageView {
  id: string;
  size: number;
  user: string;
  env: string[];
  cmd: string[];
  entrypoint: string[];
  labels: Record<string, string>;
  healthcheck?: string[];
  layers: number;
  history: { createdBy: string; size: number }[];
}
