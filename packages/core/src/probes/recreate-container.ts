import type Docker from "dockerode";

type Endpoint = Docker.EndpointSettings;

/**
 * Removes a container and creates it again from its own inspected configuration, then starts
 * it: what `docker rm -f` and the same `docker run` would do. Named volumes and bind mounts are
 * kept; the writable layer and anonymous volumes go with the old container, as with `rm -v`.
 * Labels are kept too, so labctl still recognises the new container as the one it declared.
 */
export async function recreateContainer(docker: Docker, name: string): Promise<void> {
  const old = docker.getContainer(name);
  const info = await old.inspect();
  // The hostname defaults to the container id: a copied one would name the old container.
  const { Hostname: _hostname, ...config } = info.Config;
  const [first, ...others] = Object.entries(info.NetworkSettings.Networks ?? {});
  const stopTimeout = (info.Config as { StopTimeout?: number }).StopTimeout ?? 10;
  await old.stop({ t: stopTimeout }).catch(ignoreNotRunning);
  await old.remove({ force: true, v: true });
  const created = await docker.createContainer({
    ...config,
    name: info.Name.replace(/^\//, ""),
    HostConfig: info.HostConfig,
    // Engine API 1.41 attaches one network at create time; the others are connected afterwards.
    NetworkingConfig: first ? { EndpointsConfig: { [first[0]]: endpoint(first[1], info.Id) } } : undefined,
  });
  for (const [network, settings] of others) {
    await docker
      .getNetwork(network)
      .connect({ Container: created.id, EndpointConfig: endpoint(settings, info.Id) });
  }
  await created.start();
}

/** The attachment as it was requested: aliases without the old id Docker added, fixed addresses. */
function endpoint(settings: Endpoint, oldId: string): Endpoint {
  return {
    Aliases: (settings.Aliases ?? []).filter((alias) => !oldId.startsWith(alias)),
    IPAMConfig: settings.IPAMConfig,
    Links: settings.Links,
    DriverOpts: settings.DriverOpts,
  } as Endpoint;
}

/** 304: the container was already stopped, which is what we wanted. */
function ignoreNotRunning(error: unknown): void {
  if ((error as { statusCode?: number }).statusCode !== 304) throw error;
}
