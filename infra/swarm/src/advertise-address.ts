import { lookup } from "node:dns/promises";
import { readFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import type { EngineLocation } from "./engine-location";

/** The interface of the IPv4 default route (/proc/net/route: destination 00000000, mask 0). */
export function defaultRouteInterface(procRoot = "/proc"): string | undefined {
  let text: string;
  try {
    text = readFileSync(join(procRoot, "net", "route"), "utf8");
  } catch {
    return undefined;
  }
  for (const line of text.split("\n").slice(1)) {
    const [iface, destination, , , , , , mask] = line.trim().split(/\s+/);
    if (iface && destination === "00000000" && mask === "00000000") return iface;
  }
  return undefined;
}

/**
 * The address `swarm init` advertises, chosen as Docker itself would and then passed explicitly
 * (Docker refuses to guess when the machine has several addresses):
 * - an engine on this machine's kernel: the IPv4 address of the default route's interface, the
 *   one other nodes reach it by (127.0.0.1 when there is no default route: an offline laptop);
 * - an engine in a local VM (Docker Desktop): 127.0.0.1 (the VM is a single node);
 * - a remote engine: the address labctl reaches it at (its host name resolved).
 */
export async function advertiseAddress(
  location: EngineLocation,
  env: { procRoot?: string; interfaces?: ReturnType<typeof networkInterfaces> } = {},
): Promise<string> {
  switch (location.kind) {
    case "remote":
      return /^[\d.]+$|:/.test(location.host)
        ? location.host.replace(/^\[|\]$/g, "")
        : (await lookup(location.host)).address;
    case "local-vm":
      return "127.0.0.1";
    case "same-kernel": {
      const iface = defaultRouteInterface(env.procRoot);
      const addresses = iface ? (env.interfaces ?? networkInterfaces())[iface] : undefined;
      return addresses?.find((a) => a.family === "IPv4" && !a.internal)?.address ?? "127.0.0.1";
    }
  }
}
