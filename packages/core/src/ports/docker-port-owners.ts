import type Docker from "dockerode";
import type { PortOwnerLookup } from "./port-preflight";

/** Which running container publishes a host port, named for the error message. */
export function dockerPortOwner(docker: Docker): PortOwnerLookup {
  return async (port) => {
    try {
      const containers = await docker.listContainers();
      const owner = containers.find((c) => c.Ports.some((p) => p.PublicPort === port));
      return owner ? `container ${owner.Names[0]?.replace(/^\//, "") ?? owner.Id.slice(0, 12)}` : undefined;
    } catch {
      return undefined;
    }
  };
}

/** True when one of this environment's own containers (by selector labels) publishes the port. */
export function ownedBy(
  docker: Docker,
  selector: Record<string, string>,
): (port: number) => Promise<boolean> {
  return async (port) => {
    try {
      const filters = { label: Object.entries(selector).map(([k, v]) => `${k}=${v}`) };
      const containers = await docker.listContainers({ filters });
      return containers.some((c) => c.Ports.some((p) => p.PublicPort === port));
    } catch {
      return false;
    }
  };
}
