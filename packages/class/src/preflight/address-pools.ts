import { readFileSync } from "node:fs";
import { type Cidr, overlaps, parseCidr, splitPool } from "./cidr";

export interface AddressPool {
  base: string;
  size: number;
}

/** Docker's built-in local address pools (libnetwork ipamutils): 31 bridge networks in all. */
export const DOCKER_DEFAULT_POOLS: AddressPool[] = [
  { base: "172.17.0.0/16", size: 16 },
  { base: "172.18.0.0/16", size: 16 },
  { base: "172.19.0.0/16", size: 16 },
  { base: "172.20.0.0/14", size: 16 },
  { base: "172.24.0.0/14", size: 16 },
  { base: "172.28.0.0/14", size: 16 },
  { base: "192.168.0.0/16", size: 20 },
];

export interface KnownPools {
  pools: AddressPool[];
  /** Where they come from, for the message. */
  source: string;
}

/**
 * The pools new bridge networks get their subnets from, when labctl can know them: a local
 * engine reads /etc/docker/daemon.json (`default-address-pools`), else Docker's defaults. A
 * remote engine or an unreadable daemon.json: undefined (no capacity check rather than a wrong one).
 */
export function knownAddressPools(
  dockerHost: string | undefined,
  daemonJson = "/etc/docker/daemon.json",
): KnownPools | undefined {
  const host = dockerHost ?? process.env.DOCKER_HOST;
  if (host && !host.startsWith("unix://") && !host.startsWith("/")) return undefined;
  let text: string;
  try {
    text = readFileSync(daemonJson, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      return { pools: DOCKER_DEFAULT_POOLS, source: "Docker's default address pools" };
    return undefined;
  }
  try {
    const pools = (JSON.parse(text) as { "default-address-pools"?: AddressPool[] })["default-address-pools"];
    if (!pools) return { pools: DOCKER_DEFAULT_POOLS, source: "Docker's default address pools" };
    return { pools, source: `the default-address-pools of ${daemonJson}` };
  } catch {
    return undefined;
  }
}

/** How many more subnets the pools can hand out, given the subnets in use (counting stops at `enough`). */
export function freeSubnets(pools: AddressPool[], used: Cidr[], enough: number): number {
  let free = 0;
  for (const pool of pools) {
    const cidr = parseCidr(pool.base);
    if (!cidr) continue;
    for (const subnet of splitPool(cidr, pool.size)) {
      if (!used.some((u) => overlaps(u, subnet))) free++;
      if (free >= enough) return free;
    }
  }
  return free;
}
