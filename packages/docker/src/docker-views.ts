import type { ContainerView, ImageView, NetworkView, PublishedPort, VolumeView } from "@labctl/sdk";
import type Docker from "dockerode";

/** Config.Entrypoint/Cmd come as an array, a string or null depending on how the object was made. */
const argv = (value: unknown): string[] => (value == null ? [] : [value as string | string[]].flat());

const envRecord = (env: string[] | null | undefined): Record<string, string> =>
  Object.fromEntries((env ?? []).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));

type PortMap = Record<string, { HostIp: string; HostPort: string }[] | null> | undefined;

function publishedPorts(live: PortMap, requested: PortMap): PublishedPort[] {
  const ports: PublishedPort[] = [];
  const source = live && Object.values(live).some((b) => b && b.length > 0) ? live : requested;
  for (const [key, bindings] of Object.entries(source ?? {})) {
    const [port, protocol] = key.split("/");
    for (const b of bindings ?? []) {
      ports.push({
        containerPort: Number(port),
        protocol: protocol === "udp" ? "udp" : "tcp",
        hostIp: b.HostIp ?? "",
        hostPort: Number(b.HostPort),
      });
    }
  }
  return ports;
}

/** Maps `docker inspect` of a container to the sdk's view. */
export function containerView(info: Docker.ContainerInspectInfo): ContainerView {
  const networks = info.NetworkSettings?.Networks ?? {};
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ""),
    image: info.Config.Image,
    imageId: info.Image,
    state: {
      status: info.State.Status,
      running: info.State.Running,
      exitCode: info.State.ExitCode,
      health: info.State.Health?.Status,
      restartCount: info.RestartCount ?? 0,
    },
    restartPolicy: info.HostConfig?.RestartPolicy?.Name ?? "",
    user: info.Config.User ?? "",
    env: envRecord(info.Config.Env),
    labels: info.Config.Labels ?? {},
    cmd: argv(info.Config.Cmd),
    entrypoint: argv(info.Config.Entrypoint),
    networks: Object.fromEntries(
      Object.entries(networks).map(([name, n]) => [
        name,
        { aliases: n.Aliases ?? [], ipAddress: n.IPAddress ?? "" },
      ]),
    ),
    mounts: (info.Mounts ?? []).map((m) => ({
      type: m.Type ?? "",
      name: m.Name,
      source: m.Source,
      destination: m.Destination,
    })),
    ports: publishedPorts(info.NetworkSettings?.Ports as PortMap, info.HostConfig?.PortBindings as PortMap),
  };
}

export function volumeView(info: Docker.VolumeInspectInfo): VolumeView {
  return { name: info.Name, driver: info.Driver, mountpoint: info.Mountpoint, labels: info.Labels ?? {} };
}

export function networkView(info: Docker.NetworkInspectInfo): NetworkView {
  return {
    id: info.Id,
    name: info.Name,
    driver: info.Driver,
    internal: info.Internal,
    labels: info.Labels ?? {},
    containers: Object.values(info.Containers ?? {}).map((c) => c.Name),
  };
}

export function imageView(
  info: Docker.ImageInspectInfo,
  history: { CreatedBy: string; Size: number }[],
): ImageView {
  const config = info.Config;
  return {
    id: info.Id,
    size: info.Size,
    user: config?.User ?? "",
    env: config?.Env ?? [],
    cmd: argv(config?.Cmd),
    entrypoint: argv(config?.Entrypoint),
    labels: config?.Labels ?? {},
    healthcheck: config?.Healthcheck?.Test,
    layers: info.RootFS?.Layers?.length ?? 0,
    history: history.map((h) => ({ createdBy: h.CreatedBy, size: h.Size })),
  };
}
