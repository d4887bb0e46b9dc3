import { join } from "node:path";
import {
  type EnvironmentSpec,
  environmentDir,
  type LabctlHome,
  readStateFile,
  removeStateFile,
  type StateFileKind,
  writeStateFile,
} from "@labctl/core";
import type { LabOutputs } from "@labctl/sdk";
import { z } from "zod";

/** What the docker engine remembers of an environment besides Docker labels. */
export interface SavedEnvironment {
  /** Outputs in clear (checks need credentials): the file is 0600. */
  outputs: LabOutputs;
  /** Docker hosts the program's providers named, so `down` finds their objects too. */
  hosts: string[];
}

const savedKind: StateFileKind<SavedEnvironment> = {
  what: "The docker engine's outputs file",
  schema: z.object({
    outputs: z.record(z.string(), z.unknown()).default({}),
    hosts: z.array(z.string()).default([]),
  }),
  advice:
    "Restore it from a backup, or move it away: `labctl up` writes it again and `down`/`gc` still find the environment's objects by label.",
};

export function outputsFile(home: LabctlHome, spec: EnvironmentSpec): string {
  return join(environmentDir(home, spec.classId, spec.lab.id, spec.student.id), "docker-outputs.json");
}

/** Written atomically, 0600 from the start: the secrets are never readable by others, even briefly. */
export async function saveEnvironment(
  home: LabctlHome,
  spec: EnvironmentSpec,
  saved: SavedEnvironment,
): Promise<void> {
  writeStateFile(outputsFile(home, spec), saved);
}

/** The saved outputs, undefined before the first `up`; a corrupt file is a STATE_CORRUPT error. */
export async function loadEnvironment(
  home: LabctlHome,
  spec: EnvironmentSpec,
): Promise<SavedEnvironment | undefined> {
  return readStateFile(outputsFile(home, spec), savedKind);
}

export async function forgetEnvironment(home: LabctlHome, spec: EnvironmentSpec): Promise<void> {
  removeStateFile(outputsFile(home, spec));
}
