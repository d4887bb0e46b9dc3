import type Dockerode from "dockerode";

export interface InventoryObject {
  kind: "container" | "network" | "volume";
  name: string;
  labels: Record<string, string>;
  /** Networks only. */
  subnets?: string[];
}

/** The engine's containers, networks and volumes, listed once for the whole class pre-flight. */
export async function dockerInventory(docker: Dockerode): Promise<InventoryObject[]> {
  const [containers, networks, volumes] = await Promise.all([
    docker.listContainers({ all: true }),
    docker.listNetworks(),
    docker.listVolumes(),
  ]);
  return [
    ...containers.map((c) => ({
      kind: "container" as const,
      name: c.Names[0]?.replace(/^\//, "") ?? c.Id,
      labels: c.Labels ?? {},
    })),
    ...networks.map((n) => ({
      kind: "network" as const,
      name: n.Name,
      labels: n.Labels ?? {},
      subnets: (n.IPAM?.Config ?? []).map((c) => c.Subnet).filter((s): s is string => Boolean(s)),
    })),
    ...(volumes.Volumes ?? []).map((v) => ({
      kind: "volume" as const,
      name: v.Name,
      labels: v.Labels ?? {},
    })),
  ];
}
