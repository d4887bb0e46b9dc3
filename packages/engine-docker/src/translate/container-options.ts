import type Dockerode from "dockerode";
import { parseGoDuration } from "../go-duration";
import type { ContainerInputs } from "./container-inputs";
import { hostConfig } from "./host-config";

export interface NetworkAttachment {
  network: string;
  aliases: string[];
  ipv4Address?: string;
  ipv6Address?: string;
}

export interface FileUpload {
  path: string;
  content: Buffer;
  mode: number;
}

/** Everything needed to make one container: Docker's create request, then what follows it. */
export interface ContainerPlan {
  name: string;
  create: Dockerode.ContainerCreateOptions;
  /** Networks after the first: Engine API 1.41 attaches a single network at create time. */
  connect: NetworkAttachment[];
  uploads: FileUpload[];
}

/** Translates a Container's resolved inputs into Docker Engine API calls (pure). */
export function containerPlan(
  inputs: ContainerInputs,
  name: string,
  labels: Record<string, string>,
): ContainerPlan {
  const ports = inputs.ports ?? [];
  const [first, ...others] = (inputs.networksAdvanced ?? []).map(attachment);
  const anonymous = (inputs.volumes ?? []).filter((v) => v.containerPath && !v.hostPath && !v.volumeName);
  return {
    name,
    create: {
      name,
      Image: inputs.image,
      Cmd: inputs.command,
      Entrypoint: inputs.entrypoints,
      Env: inputs.envs,
      User: inputs.user,
      WorkingDir: inputs.workingDir,
      Hostname: inputs.hostname,
      Domainname: inputs.domainname,
      Tty: inputs.tty,
      OpenStdin: inputs.stdinOpen,
      StopSignal: inputs.stopSignal,
      StopTimeout: inputs.stopTimeout,
      Labels: labels,
      ExposedPorts: ports.length
        ? Object.fromEntries(ports.map((p) => [`${p.internal}/${p.protocol ?? "tcp"}`, {}]))
        : undefined,
      Volumes: anonymous.length
        ? Object.fromEntries(anonymous.map((v) => [v.containerPath as string, {}]))
        : undefined,
      Healthcheck: healthcheck(inputs.healthcheck),
      HostConfig: hostConfig(inputs),
      NetworkingConfig: first ? { EndpointsConfig: { [first.network]: endpoint(first) } } : undefined,
    },
    connect: others,
    uploads: (inputs.uploads ?? []).map(upload),
  };
}

function attachment(input: NonNullable<ContainerInputs["networksAdvanced"]>[number]): NetworkAttachment {
  return {
    network: input.name,
    aliases: input.aliases ?? [],
    ipv4Address: input.ipv4Address,
    ipv6Address: input.ipv6Address,
  };
}

/** Docker's endpoint settings for one attachment (aliases are what other containers resolve). */
export function endpoint(net: NetworkAttachment): Dockerode.EndpointSettings {
  const ipam =
    net.ipv4Address || net.ipv6Address
      ? { IPv4Address: net.ipv4Address, IPv6Address: net.ipv6Address }
      : undefined;
  return { Aliases: net.aliases, IPAMConfig: ipam } as Dockerode.EndpointSettings;
}

/** Durations arrive as Go strings ("5s"); Docker wants nanoseconds. */
export function healthcheck(input: ContainerInputs["healthcheck"]): Dockerode.HealthConfig | undefined {
  if (!input?.tests?.length) return undefined;
  return {
    Test: input.tests,
    Interval: parseGoDuration(input.interval),
    Timeout: parseGoDuration(input.timeout),
    StartPeriod: parseGoDuration(input.startPeriod),
    StartInterval: parseGoDuration(input.startInterval),
    Retries: input.retries,
  };
}

function upload(input: NonNullable<ContainerInputs["uploads"]>[number]): FileUpload {
  if (input.source !== undefined) {
    throw new Error(
      `upload ${input.file}: "source" is not supported by the docker engine; use "content" or "contentBase64"`,
    );
  }
  const content =
    input.contentBase64 !== undefined
      ? Buffer.from(input.contentBase64, "base64")
      : Buffer.from(input.content ?? "", "utf8");
  const mode = input.permissions ? Number.parseInt(input.permissions, 8) : input.executable ? 0o755 : 0o644;
  return { path: input.file, content, mode };
}
