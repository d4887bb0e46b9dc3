import { dockerPortOwner, type EnvironmentSpec, isPortFree, ownedBy, type PlannedObject } from "@labctl/core";
import { ExitCode, LabctlError, selectorFor } from "@labctl/sdk";
import type Dockerode from "dockerode";
import { pLimit } from "../p-limit";
import { freeSubnets, type KnownPools, knownAddressPools } from "./address-pools";
import { dockerInventory } from "./docker-inventory";
import {
  nameProblems,
  newPooledNetworks,
  type PlannedEnvironment,
  subnetProblems,
  usedSubnets,
} from "./object-problems";

export interface ClassPreflightOptions {
  /** Without a client, ports are checked but not attributed, and objects are not checked. */
  docker?: Dockerode;
  /** What each environment's program declares; without it, only ports are checked. */
  plan?: (spec: EnvironmentSpec) => Promise<PlannedObject[]>;
  /** The engine's address pools; default: what `knownAddressPools` can tell. */
  pools?: KnownPools;
  /** Plans run at once (each holds a program run in memory); default 4. */
  concurrency?: number;
}

const selectorOf = (spec: EnvironmentSpec) =>
  selectorFor({ lab: spec.lab.id, student: spec.student.id, classId: spec.classId });

/** Every published port must be free or already held by the same student's environment. */
async function portProblems(specs: EnvironmentSpec[], docker?: Dockerode): Promise<string[]> {
  const owner = docker ? dockerPortOwner(docker) : async () => undefined;
  const lists = await Promise.all(
    specs.map(async (spec) => {
      const problems: string[] = [];
      const ours = docker ? ownedBy(docker, selectorOf(spec)) : async () => false;
      for (const [role, port] of Object.entries(spec.ports)) {
        if ((await isPortFree(spec.bindAddress, port)) || (await ours(port))) continue;
        const holder = (await owner(port)) ?? "another process";
        problems.push(`${spec.student.id}: ${spec.bindAddress}:${port} (for ${role}) is taken by ${holder}`);
      }
      return problems;
    }),
  );
  return lists.flat();
}

/**
 * The class pre-flight, before anything is created: published ports free, object names not
 * held by someone else (another class's student with the same id), explicit subnets free, and
 * enough room in the engine's address pools for the networks the class will add. Throws one
 * error listing every problem.
 */
export async function classPreflight(
  specs: EnvironmentSpec[],
  opts: ClassPreflightOptions = {},
): Promise<void> {
  const problems = await portProblems(specs, opts.docker);
  const { docker, plan } = opts;
  if (docker && plan) {
    // A program that cannot even be planned fails its student's `up` with the real error instead.
    const limit = pLimit(opts.concurrency ?? 4);
    const envs: PlannedEnvironment[] = await Promise.all(
      specs.map(async (spec) => ({
        student: spec.student.id,
        selector: selectorOf(spec),
        objects: await limit(() => plan(spec)).catch(() => []),
      })),
    );
    const inventory = await dockerInventory(docker);
    problems.push(...nameProblems(envs, inventory), ...subnetProblems(envs, inventory));
    const needed = newPooledNetworks(envs, inventory);
    const pools = opts.pools ?? knownAddressPools(specs[0]?.dockerHost);
    if (needed > 0 && pools) {
      const free = freeSubnets(pools.pools, usedSubnets(inventory), needed);
      if (free < needed)
        problems.push(
          `the class needs ${needed} new networks but ${pools.source} have room for ${free} more: add ` +
            `"default-address-pools": [{"base": "10.200.0.0/16", "size": 24}] to /etc/docker/daemon.json and restart Docker`,
        );
    }
  }
  if (problems.length > 0) {
    throw new LabctlError(
      `Pre-flight found ${problems.length === 1 ? "1 problem" : `${problems.length} problems`}; nothing was started:\n${problems.map((p) => `  ${p}`).join("\n")}`,
      "Free what is named above (or move the port block: portBase in ~/.labctl/config.yaml), then run the command again.",
      ExitCode.infrastructure,
      "PREFLIGHT",
    );
  }
}
