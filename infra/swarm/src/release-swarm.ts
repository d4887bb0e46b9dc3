import { type LabctlHome, scanRecords } from "@labctl/core";
import { ExitCode, isLabctlError, LabctlError } from "@labctl/sdk";
import type Dockerode from "dockerode";
import { engineHost } from "./engine-host";
import { readSwarmEntry, writeSwarmEntry } from "./swarm-record";
import { swarmState } from "./swarm-state";

/**
 * What still lives on the swarm: any service, secret or config, labelled by labctl or not, and
 * any swarm-scoped network but Docker's own ingress. Leaving would destroy it.
 */
export async function swarmInUse(docker: Dockerode): Promise<string | undefined> {
  const [services, secrets, configs, networks] = await Promise.all([
    docker.listServices(),
    docker.listSecrets(),
    docker.listConfigs(),
    docker.listNetworks(),
  ]);
  if (services.length > 0) return `${services.length} service(s)`;
  if (secrets.length > 0) return `${secrets.length} secret(s)`;
  if (configs.length > 0) return `${configs.length} config(s)`;
  const overlays = networks.filter((n) => n.Scope === "swarm" && !n.Ingress && n.Name !== "ingress");
  if (overlays.length > 0) return `${overlays.length} swarm network(s)`;
  return undefined;
}

/**
 * Another environment this home knows on a swarm, or one it cannot read: a class's other student
 * whose `down` is still under way (its services gone, its overlays not yet) must not have the
 * swarm pulled from under it. Each `down` forgets its own environment before releasing, so the
 * last one to finish sees none and leaves.
 */
function otherSwarmEnvironment(home: LabctlHome): string | undefined {
  const { records, unreadable } = scanRecords(home);
  const onSwarm = records.find((r) => r.swarm !== undefined);
  if (onSwarm) return `${onSwarm.lab}/${onSwarm.classId}/${onSwarm.student}`;
  return unreadable[0]?.file;
}

/**
 * Leaves the swarm (force: a single-node swarm has no quorum to keep) only when this home's
 * record says labctl created it, it is still that swarm, it still has this one node, nothing
 * remains on it and this home knows no other environment on a swarm. Otherwise it does nothing:
 * a swarm labctl did not create is never changed.
 */
export async function releaseSwarm(opts: { home: LabctlHome; docker: Dockerode }): Promise<void> {
  const { home, docker } = opts;
  const host = engineHost(docker);
  const entry = readSwarmEntry(home, host);
  if (!entry?.created) return;
  const state = await swarmState(docker);
  if (state.state === "inactive" || (state.clusterId && state.clusterId !== entry.clusterId)) {
    // Someone left it, or made another one since: nothing of labctl's to undo there.
    writeSwarmEntry(home, host, undefined);
    return;
  }
  if (!state.manager || state.clusterId !== entry.clusterId) return;
  if ((state.nodes ?? 1) > 1) return; // nodes joined it: the instructor's cluster now
  if (otherSwarmEnvironment(home) || (await swarmInUse(docker))) return;
  try {
    await docker.swarmLeave({ force: true });
  } catch (error) {
    if (isLabctlError(error)) throw error;
    if (!/not part of a swarm/i.test((error as Error).message))
      throw new LabctlError(
        `labctl created the swarm of the engine at ${host} and could not leave it: ${(error as Error).message}`,
        "Nothing of labctl's runs there any more: leave it yourself with `docker swarm leave --force`.",
        ExitCode.infrastructure,
        "SWARM_LEAVE_FAILED",
        { cause: error },
      );
  }
  writeSwarmEntry(home, host, undefined);
}
