import type Dockerode from "dockerode";

/**
 * The label labctl puts on a swarm it inits (in the swarm's spec, seen by every labctl that
 * looks): a second labctl run racing the first (a class up) knows not to record that swarm as
 * someone else's. Leaving is decided by this home's record, never by the label alone.
 */
export const SWARM_MARK = { "dev.labctl.swarm": "created-by-labctl" } as const;

export async function carriesMark(docker: Dockerode): Promise<boolean> {
  try {
    const spec = ((await docker.swarmInspect()) as { Spec?: { Labels?: Record<string, string> } }).Spec;
    return spec?.Labels?.["dev.labctl.swarm"] === SWARM_MARK["dev.labctl.swarm"];
  } catch {
    return false;
  }
}
