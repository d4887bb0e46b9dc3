import { insideHome, type LabctlHome, readStateFile, type StateFileKind, writeStateFile } from "@labctl/core";
import { z } from "zod";

/** What labctl remembers about the swarm of one engine. */
export interface SwarmEntry {
  /** labctl (this home) ran `swarm init` there; only then may it ever leave. */
  created: boolean;
  /** The swarm meant: a swarm made again by someone else since is not ours. */
  clusterId: string;
  advertiseAddr?: string;
  at: string;
}

/** `<home>/infra/swarm.json`: one entry per engine host (unix://…, tcp://…, ssh://…). */
export interface SwarmRecord {
  engines: Record<string, SwarmEntry>;
}

const kind: StateFileKind<SwarmRecord> = {
  what: "The swarm record",
  schema: z.object({
    engines: z.record(
      z.string(),
      z.object({
        created: z.boolean(),
        clusterId: z.string(),
        advertiseAddr: z.string().optional(),
        at: z.string(),
      }),
    ),
  }),
  advice:
    "labctl will not leave any swarm until the file is fixed: restore it, or remove it (labctl then treats every swarm as not its own, and never leaves one).",
};

export const swarmRecordFile = (home: LabctlHome): string => insideHome(home, "infra", "swarm.json");

export const readSwarmEntry = (home: LabctlHome, host: string): SwarmEntry | undefined =>
  readStateFile(swarmRecordFile(home), kind)?.engines[host];

/** Sets (or, with undefined, forgets) the entry of one engine, keeping the others. */
export function writeSwarmEntry(home: LabctlHome, host: string, entry: SwarmEntry | undefined): void {
  const file = swarmRecordFile(home);
  const engines = { ...readStateFile(file, kind)?.engines };
  if (entry) engines[host] = entry;
  else delete engines[host];
  writeStateFile(file, { engines });
}
