import type { ContainerView } from "./docker-probe";

/**
 * Why `dir` in `container` is not on the named volume `volume` (nothing mounted, a bind or tmpfs
 * mount, another or an anonymous volume); undefined when it is. `namingContainer` puts the
 * container's name in every message, for checks that report several containers at once.
 */
export function volumeMountProblem(
  container: ContainerView,
  dir: string,
  volume: string,
  opts: { namingContainer?: boolean } = {},
): string | undefined {
  const at = opts.namingContainer ? `${dir} in ${container.name}` : dir;
  const mount = container.mounts.find((m) => m.destination === dir);
  if (!mount) return `nothing is mounted at ${dir} in ${container.name}`;
  if (mount.type !== "volume") {
    const from = mount.source ? ` of ${mount.source}` : "";
    return `${at} is a ${mount.type} mount${from}, not the volume ${volume}`;
  }
  if (mount.name !== volume)
    return `${at} is on volume ${mount.name ?? "(anonymous)"}, not the lab's volume ${volume}`;
  return undefined;
}
