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
  /**
   * Removes a container and creates it again from the same configuration, then starts it, like
   * `docker rm -f` followed by the same `docker run`: named volumes and bind mounts stay, the
   * container's own file system does not. The one call that changes the environment, for opt-in
   * deep checks; absent from probes that cannot change anything.
   */
  recreate?(container: string): Promise<void>;
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
