/** Resolved inputs of a `docker.Container` (@pulumi/docker v5), the subset the docker engine honours. */
export interface ContainerInputs {
  image: string;
  name?: string;
  command?: string[];
  entrypoints?: string[];
  envs?: string[];
  user?: string;
  workingDir?: string;
  hostname?: string;
  domainname?: string;
  tty?: boolean;
  stdinOpen?: boolean;
  stopSignal?: string;
  stopTimeout?: number;
  labels?: Label[];
  ports?: { internal: number; external?: number; ip?: string; protocol?: string }[];
  publishAllPorts?: boolean;
  networkMode?: string;
  networksAdvanced?: { name: string; aliases?: string[]; ipv4Address?: string; ipv6Address?: string }[];
  volumes?: {
    containerPath?: string;
    hostPath?: string;
    volumeName?: string;
    readOnly?: boolean;
    fromContainer?: string;
  }[];
  mounts?: {
    type: string;
    target: string;
    source?: string;
    readOnly?: boolean;
    bindOptions?: { propagation?: string };
    volumeOptions?: {
      noCopy?: boolean;
      labels?: Label[];
      driverName?: string;
      driverOptions?: Record<string, string>;
    };
    tmpfsOptions?: { sizeBytes?: number; mode?: number };
  }[];
  tmpfs?: Record<string, string>;
  healthcheck?: {
    tests?: string[];
    interval?: string;
    timeout?: string;
    startPeriod?: string;
    startInterval?: string;
    retries?: number;
  };
  restart?: string;
  maxRetryCount?: number;
  capabilities?: { adds?: string[]; drops?: string[] };
  privileged?: boolean;
  readOnly?: boolean;
  init?: boolean;
  rm?: boolean;
  dns?: string[];
  dnsOpts?: string[];
  dnsSearches?: string[];
  hosts?: { host: string; ip: string }[];
  groupAdds?: string[];
  securityOpts?: string[];
  sysctls?: Record<string, string>;
  ulimits?: { name: string; soft: number; hard: number }[];
  logDriver?: string;
  logOpts?: Record<string, string>;
  /** MB, like the provider. */
  memory?: number;
  memoryReservation?: number;
  memorySwap?: number;
  shmSize?: number;
  cpuShares?: number;
  cpus?: string;
  pidMode?: string;
  ipcMode?: string;
  usernsMode?: string;
  runtime?: string;
  uploads?: {
    file: string;
    content?: string;
    contentBase64?: string;
    executable?: boolean;
    permissions?: string;
    source?: string;
  }[];
  start?: boolean;
  mustRun?: boolean;
  attach?: boolean;
  logs?: boolean;
  wait?: boolean;
  waitTimeout?: number;
}

export interface Label {
  label: string;
  value: string;
}
