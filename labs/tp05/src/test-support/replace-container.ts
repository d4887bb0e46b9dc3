import type Docker from "dockerode";

/**
 * Replaces a container by hand, as a student re-running `docker run` with other options would:
 * the same image, environment, mounts, ports and network aliases, changed by `edit`. The copy is
 * marked as not matching labctl's spec, so the next `labctl up` replaces it with the declared one.
 */
export async function replaceContainer(
  docker: Docker,
  name: string,
  edit: (options: Docker.ContainerCreateOptions) => void,
): Promise<void> {
  const old = docker.getContainer(name);
  const info = await old.inspect();
  await old.remove({ force: true, v: true });
  const [network, endpoint] = Object.entries(info.NetworkSettings.Networks)[0] ?? [];
  // The engine adds the short container id as an alias: the new container gets its own.
  const aliases = ((endpoint?.Aliases ?? []) as string[]).filter((a) => !info.Id.startsWith(a));
  const options: Docker.ContainerCreateOptions = {
    name,
    Image: info.Config.Image,
    Env: info.Config.Env,
    Labels: { ...info.Config.Labels, "dev.labctl.spec": "changed-by-hand" },
    ExposedPorts: info.Config.ExposedPorts,
    Healthcheck: info.Config.Healthcheck,
    HostConfig: {
      Binds: info.HostConfig.Binds,
      Mounts: info.HostConfig.Mounts,
      PortBindings: info.HostConfig.PortBindings,
    },
    NetworkingConfig: network ? { EndpointsConfig: { [network]: { Aliases: aliases } } } : undefined,
  };
  edit(options);
  await (await docker.createContainer(options)).start();
}
