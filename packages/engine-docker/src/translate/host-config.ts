import { labelMap } from "@labctl/core";
import type Dockerode from "dockerode";
import type { ContainerInputs } from "./container-inputs";

const MB = 1024 * 1024;
const mb = (value: number | undefined) => (value === undefined ? undefined : value * MB);

/** The HostConfig part of a container create request (everything Docker applies on the host side). */
export function hostConfig(inputs: ContainerInputs): Dockerode.HostConfig {
  const firstNetwork = inputs.networksAdvanced?.[0]?.name;
  return {
    Binds: binds(inputs),
    VolumesFrom: (inputs.volumes ?? [])
      .filter((volume) => volume.fromContainer)
      .map((volume) => `${volume.fromContainer}${volume.readOnly ? ":ro" : ""}`),
    Mounts: inputs.mounts?.map(mountSettings) as Dockerode.MountConfig | undefined,
    Tmpfs: inputs.tmpfs,
    PortBindings: portBindings(inputs.ports ?? []),
    PublishAllPorts: inputs.publishAllPorts,
    NetworkMode: inputs.networkMode ?? firstNetwork,
    RestartPolicy: { Name: inputs.restart ?? "no", MaximumRetryCount: inputs.maxRetryCount ?? 0 },
    AutoRemove: inputs.rm,
    CapAdd: inputs.capabilities?.adds,
    CapDrop: inputs.capabilities?.drops,
    Privileged: inputs.privileged,
    ReadonlyRootfs: inputs.readOnly,
    Init: inputs.init,
    Dns: inputs.dns,
    DnsOptions: inputs.dnsOpts,
    DnsSearch: inputs.dnsSearches,
    ExtraHosts: inputs.hosts?.map(({ host, ip }) => `${host}:${ip}`),
    GroupAdd: inputs.groupAdds,
    SecurityOpt: inputs.securityOpts,
    Sysctls: inputs.sysctls,
    Ulimits: inputs.ulimits?.map(({ name, soft, hard }) => ({ Name: name, Soft: soft, Hard: hard })),
    LogConfig: inputs.logDriver ? { Type: inputs.logDriver, Config: inputs.logOpts ?? {} } : undefined,
    Memory: mb(inputs.memory),
    MemoryReservation: mb(inputs.memoryReservation),
    MemorySwap: mb(inputs.memorySwap),
    ShmSize: mb(inputs.shmSize),
    CpuShares: inputs.cpuShares,
    NanoCpus: inputs.cpus === undefined ? undefined : Math.round(Number(inputs.cpus) * 1e9),
    PidMode: inputs.pidMode,
    IpcMode: inputs.ipcMode,
    UsernsMode: inputs.usernsMode,
    Runtime: inputs.runtime,
  };
}

/** `volumes` entries with a source become binds; hostPath wins over volumeName, like the provider. */
function binds(inputs: ContainerInputs): string[] {
  return (inputs.volumes ?? [])
    .filter((volume) => volume.containerPath && (volume.hostPath || volume.volumeName))
    .map(
      (volume) =>
        `${volume.hostPath ?? volume.volumeName}:${volume.containerPath}${volume.readOnly ? ":ro" : ""}`,
    );
}

/** One `mounts` entry, shared by containers and Swarm services (same shape in both). */
export function mountSettings(input: NonNullable<ContainerInputs["mounts"]>[number]) {
  const volume = input.volumeOptions;
  return {
    Type: input.type,
    Source: input.source ?? "",
    Target: input.target,
    ReadOnly: input.readOnly,
    BindOptions: input.bindOptions?.propagation ? { Propagation: input.bindOptions.propagation } : undefined,
    VolumeOptions: volume
      ? {
          NoCopy: volume.noCopy,
          Labels: labelMap(volume.labels),
          DriverConfig: volume.driverName
            ? { Name: volume.driverName, Options: volume.driverOptions ?? {} }
            : undefined,
        }
      : undefined,
    TmpfsOptions: input.tmpfsOptions
      ? { SizeBytes: input.tmpfsOptions.sizeBytes, Mode: input.tmpfsOptions.mode }
      : undefined,
  };
}

/** `ports` -> PortBindings keyed "80/tcp"; an absent external port lets Docker pick one. */
export function portBindings(ports: NonNullable<ContainerInputs["ports"]>) {
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const port of ports) {
    const key = `${port.internal}/${port.protocol ?? "tcp"}`;
    bindings[key] ??= [];
    bindings[key].push({
      HostIp: port.ip ?? "0.0.0.0",
      HostPort: port.external ? String(port.external) : "",
    });
  }
  return bindings;
}
