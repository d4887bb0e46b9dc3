import { lastHosts, parseCidr } from "../preflight/cidr";

/** How far below the subnet's top a free address is looked for. */
const SEARCHED = 16;

/**
 * A free address in `subnet` (CIDR): one of its highest hosts that no known container holds.
 * Connecting to it is the isolation check's negative control: an answer from an address where
 * nothing runs means that something on the way (a firewall, a sandbox's egress proxy) accepts
 * any connection to that subnet, so a connect there says nothing about the service behind it.
 */
export function decoyAddress(subnet: string, taken: ReadonlySet<string>): string | undefined {
  const cidr = parseCidr(subnet);
  if (!cidr || cidr.bits > 30) return undefined;
  for (const address of lastHosts(cidr, SEARCHED)) if (!taken.has(address)) return address;
  return undefined;
}
