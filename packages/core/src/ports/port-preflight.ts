import { createServer } from "node:net";
import { ExitCode, LabctlError } from "../errors";

/** Who holds a port, when known (e.g. "container tp01-bob-web"); undefined for "unknown process". */
export type PortOwnerLookup = (port: number) => Promise<string | undefined>;

/** Resolves true when nothing listens on address:port (we can bind it ourselves). */
export function isPortFree(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ host: address, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Pre-flight: every port the environment publishes must be free, or held by this very
 * environment (a re-run of `up`). Otherwise refuse before creating anything, naming the owner.
 */
export async function assertPortsFree(
  ports: Record<string, number>,
  address: string,
  ownedByThisEnvironment: (port: number) => Promise<boolean>,
  ownerOf: PortOwnerLookup,
): Promise<void> {
  const taken: string[] = [];
  for (const [role, port] of Object.entries(ports)) {
    if (await isPortFree(address, port)) continue;
    if (await ownedByThisEnvironment(port)) continue;
    const owner = (await ownerOf(port)) ?? "another process";
    taken.push(`${address}:${port} (for ${role}) is taken by ${owner}`);
  }
  if (taken.length > 0) {
    throw new LabctlError(
      `Cannot publish the lab's ports: ${taken.join("; ")}.`,
      "Stop what holds the port, or move the port block (portBase in ~/.labctl/config.yaml).",
      ExitCode.infrastructure,
      "PORT_TAKEN",
    );
  }
}
