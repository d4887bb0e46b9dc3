import { readFileSync } from "node:fs";
import { release } from "node:os";
import { join } from "node:path";
import type { SwarmPublishing } from "@labctl/sdk";
import type { EngineLocation } from "./engine-location";

/** config.yaml's `swarmPublishing`. */
export type PublishingSetting = "auto" | "mesh" | "host";

export interface PublishingChoice extends SwarmPublishing {
  /** Why, in words (doctor shows it). */
  reason: string;
}

const readable = (file: string): string | undefined => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
};

/**
 * Whether this machine's kernel can do IPVS (the routing mesh needs it): loaded or built in
 * (/proc/net/ip_vs exists), listed in /proc/modules, or shipped as a module the kernel loads on
 * dockerd's first IPVS request (modules.dep / modules.builtin name ip_vs.ko).
 */
export function kernelHasIpvs(root = "/", kernel?: string): { ipvs: boolean; why: string } {
  if (readable(join(root, "proc/net/ip_vs")) !== undefined)
    return { ipvs: true, why: "/proc/net/ip_vs exists" };
  if (/^ip_vs\s/m.test(readable(join(root, "proc/modules")) ?? ""))
    return { ipvs: true, why: "ip_vs is in /proc/modules" };
  if (kernel) {
    for (const list of ["modules.builtin", "modules.dep"]) {
      const file = join(root, "lib/modules", kernel, list);
      if (/(^|\/)ip_vs\.ko/m.test(readable(file) ?? "")) return { ipvs: true, why: `ip_vs.ko is in ${file}` };
    }
  }
  return { ipvs: false, why: "no ip_vs in /proc/net, /proc/modules or the kernel's module lists" };
}

/**
 * The publishing mode for an engine. "mesh" or "host" in the config win. "auto" looks at the
 * kernel when it is this machine's; an engine whose kernel labctl cannot see (remote, a VM) gets
 * "host", which works on every kernel (one task per node per published port).
 */
export function choosePublishing(
  setting: PublishingSetting,
  location: EngineLocation,
  probe: () => { ipvs: boolean; why: string } = () => kernelHasIpvs("/", release()),
): PublishingChoice {
  if (setting !== "auto") return { mode: setting, reason: `swarmPublishing: ${setting} in config.yaml` };
  if (location.kind !== "same-kernel") {
    const where =
      location.kind === "remote" ? `the engine at ${location.host} is remote` : "the engine runs in a VM";
    return {
      mode: "host",
      reason: `${where}, its kernel cannot be looked at from here; set swarmPublishing: mesh in config.yaml if it has IPVS`,
    };
  }
  const { ipvs, why } = probe();
  return ipvs
    ? { mode: "mesh", reason: `the kernel has IPVS (${why})` }
    : { mode: "host", reason: `the kernel has no IPVS (${why}): no routing mesh` };
}
