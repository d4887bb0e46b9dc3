import { release } from "node:os";
import { parseDockerHost } from "@labctl/docker";

/**
 * Where the engine runs, as far as labctl can tell from here:
 * - "same-kernel": a local socket (or loopback) and the engine reports this machine's kernel, so
 *   this machine's /proc is the engine's (IPVS, routes, interfaces can be read here);
 * - "local-vm": a local socket but another kernel (Docker Desktop's VM);
 * - "remote": tcp:// or ssh:// to another machine.
 */
export type EngineLocation =
  | { kind: "same-kernel" }
  | { kind: "local-vm"; kernel?: string }
  | { kind: "remote"; host: string };

const LOOPBACK = /^(localhost|127(\.\d+){3}|::1|\[::1\])$/i;

export function engineLocation(
  host: string,
  engineKernel: string | undefined,
  ourKernel = release(),
  platform: NodeJS.Platform = process.platform,
): EngineLocation {
  const parsed = parseDockerHost(host);
  const endpoint = parsed.ok ? parsed.endpoint : undefined;
  if (endpoint && (endpoint.kind === "tcp" || endpoint.kind === "ssh") && !LOOPBACK.test(endpoint.host))
    return { kind: "remote", host: endpoint.host };
  if (platform === "linux" && engineKernel !== undefined && engineKernel === ourKernel)
    return { kind: "same-kernel" };
  return { kind: "local-vm", ...(engineKernel && { kernel: engineKernel }) };
}
