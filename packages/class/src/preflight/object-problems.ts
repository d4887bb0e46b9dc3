import type { PlannedObject } from "@labctl/core";
import { LABEL } from "@labctl/sdk";
import { type Cidr, formatCidr, overlaps, parseCidr } from "./cidr";
import type { InventoryObject } from "./docker-inventory";

/** One environment's pre-flight input: who it is and what its program declares. */
export interface PlannedEnvironment {
  student: string;
  selector: Record<string, string>;
  objects: PlannedObject[];
}

const owns = (env: PlannedEnvironment, object: InventoryObject) =>
  Object.entries(env.selector).every(([key, value]) => object.labels[key] === value);

/** Who an object belongs to, in words. */
export function ownerOf(object: InventoryObject): string {
  const l = object.labels;
  if (!l[LABEL.lab]) return "something not created by labctl";
  return `${l[LABEL.lab]}/${l[LABEL.student]} of class ${l[LABEL.class]}`;
}

/** Names a program wants that another owner's object already holds (another class's "alice"). */
export function nameProblems(envs: PlannedEnvironment[], inventory: InventoryObject[]): string[] {
  const problems: string[] = [];
  for (const env of envs) {
    for (const planned of env.objects) {
      const holder = inventory.find((o) => o.kind === planned.kind && o.name === planned.name);
      if (holder && !owns(env, holder))
        problems.push(
          `${env.student}: ${planned.kind} ${planned.name} already exists and belongs to ${ownerOf(holder)}`,
        );
    }
  }
  return problems;
}

const cidrs = (subnets: string[] = []) => subnets.map(parseCidr).filter((c): c is Cidr => c !== undefined);

/** Explicit subnets that overlap another owner's network, or another student's planned one. */
export function subnetProblems(envs: PlannedEnvironment[], inventory: InventoryObject[]): string[] {
  const problems: string[] = [];
  const claimed: { student: string; network: string; cidr: Cidr }[] = [];
  for (const env of envs) {
    for (const net of env.objects.filter((o) => o.kind === "network")) {
      for (const cidr of cidrs(net.subnets)) {
        const what = `${env.student}: subnet ${formatCidr(cidr)} of network ${net.name}`;
        for (const other of inventory.filter((o) => o.kind === "network" && !owns(env, o))) {
          const hit = cidrs(other.subnets).find((c) => overlaps(c, cidr));
          if (hit)
            problems.push(`${what} overlaps network ${other.name} (${formatCidr(hit)}, ${ownerOf(other)})`);
        }
        const twin = claimed.find((c) => c.student !== env.student && overlaps(c.cidr, cidr));
        if (twin) problems.push(`${what} overlaps ${twin.student}'s network ${twin.network}`);
        claimed.push({ student: env.student, network: net.name, cidr });
      }
    }
  }
  return problems;
}

/** Networks the class will create that take a subnet from the engine's pools (new, bridge, no subnet given). */
export function newPooledNetworks(envs: PlannedEnvironment[], inventory: InventoryObject[]): number {
  const existing = new Set(inventory.filter((o) => o.kind === "network").map((o) => o.name));
  return envs
    .flatMap((env) => env.objects)
    .filter(
      (o) =>
        o.kind === "network" &&
        !existing.has(o.name) &&
        (o.driver ?? "bridge") === "bridge" &&
        (o.subnets ?? []).length === 0,
    ).length;
}

export const usedSubnets = (inventory: InventoryObject[]): Cidr[] =>
  inventory.flatMap((o) => (o.kind === "network" ? cidrs(o.subnets) : []));
