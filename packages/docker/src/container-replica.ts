import { BOOKKEEPING } from "@labctl/sdk";
import type Docker from "dockerode";

type Endpoint = Docker.EndpointSettings;

/**
 * Stops a container, starts a copy of it made from its inspected configuration (image, command,
 * environment, mounts, ports, networks), hands the copy's name to `use`, then removes the copy
 * and starts the original again if it was running. The copy has its own writable layer and
 * anonymous volumes, as a re-created container would; named volumes and bind mounts are the same.
 * The original keeps its id, so an engine's state (Pulumi's) still matches the engine.
 */
export async function withReplica<T>(
  docker: Docker,
  name: string,
  use: (replica: string) => Promise<T>,
): Promise<T> {
  const original = docker.getContainer(name);
  const info = await original.inspect();
  // The hostname defaults to the container id: a copied one would name the original.
  const { Hostname: _hostname, ...config } = info.Config;
  const replicaName = `${info.Name.replace(/^\//, "")}-replica`;
  const [first, ...others] = Object.entries(info.NetworkSettings.Networks ?? {});
  const stopTimeout = (info.Config as { StopTimeout?: number }).StopTimeout ?? 10;
  // Stopped first: two servers must not share a data directory, nor a host port.
  await original.stop({ t: stopTimeout }).catch(ignoreNotModified);
  try {
    const replica = await docker.createContainer({
      ...config,
      name: replicaName,
      // The environment's labels stay (teardown finds a leftover copy), labctl's bookkeeping does not
      // (the copy is no declared resource).
      Labels: withoutBookkeeping(config.Labels ?? {}),
      HostConfig: { ...info.HostConfig, AutoRemove: false },
      // Engine API 1.41 attaches one network at create time; the others are connected afterwards.
      NetworkingConfig: first ? { EndpointsConfig: { [first[0]]: endpoint(first[1], info.Id) } } : undefined,
    });
    try {
      for (const [network, settings] of others) {
        await docker
          .getNetwork(network)
          .connect({ Container: replica.id, EndpointConfig: endpoint(settings, info.Id) });
      }
      await replica.start();
      return await use(replicaName);
    } finally {
      await replica.remove({ force: true, v: true });
    }
  } finally {
    if (info.State.Running) await original.start().catch(ignoreNotModified);
  }
}

function withoutBookkeeping(labels: Record<string, string>): Record<string, string> {
  const own = new Set<string>(Object.values(BOOKKEEPING));
  return Object.fromEntries(Object.entries(labels).filter(([key]) => !own.has(key)));
}

/** The attachment as it was requested: aliases without the short id Docker added, fixed addresses. */
function endpoint(settings: Endpoint, originalId: string): Endpoint {
  return {
    Aliases: (settings.Aliases ?? []).filter((alias) => !originalId.startsWith(alias)),
    IPAMConfig: settings.IPAMConfig,
    Links: settings.Links,
    DriverOpts: settings.DriverOpts,
  } as Endpoint;
}

/** 304: already stopped (or already started), which is what was asked. */
function ignoreNotModified(error: unknown): void {
  if ((error as { statusCode?: number }).statusCode !== 304) throw error;
}
