import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { LabOutputs } from "@labctl/sdk";
import { environmentDir, type LabctlHome } from "../../home/labctl-home";
import type { EnvironmentSpec } from "../types";

/** What the docker engine remembers of an environment besides Docker labels. */
export interface SavedEnvironment {
  /** Outputs in clear (checks need credentials): the file is 0600. */
  outputs: LabOutputs;
  /** Docker hosts the program's providers named, so `down` finds their objects too. */
  hosts: string[];
}

export function outputsFile(home: LabctlHome, spec: EnvironmentSpec): string {
  return join(environmentDir(home, spec.classId, spec.lab.id, spec.student.id), "docker-outputs.json");
}

export async function saveEnvironment(
  home: LabctlHome,
  spec: EnvironmentSpec,
  saved: SavedEnvironment,
): Promise<void> {
  const file = outputsFile(home, spec);
  await mkdir(join(file, ".."), { recursive: true, mode: 0o700 });
  // A fresh file created 0600 then renamed: the secrets are never readable by others, even briefly.
  const fresh = `${file}.${process.pid}.tmp`;
  await rm(fresh, { force: true });
  await writeFile(fresh, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  await rename(fresh, file);
}

export async function loadEnvironment(
  home: LabctlHome,
  spec: EnvironmentSpec,
): Promise<SavedEnvironment | undefined> {
  try {
    const saved = JSON.parse(await readFile(outputsFile(home, spec), "utf8")) as Partial<SavedEnvironment>;
    return { outputs: saved.outputs ?? {}, hosts: saved.hosts ?? [] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export async function forgetEnvironment(home: LabctlHome, spec: EnvironmentSpec): Promise<void> {
  await rm(outputsFile(home, spec), { force: true });
}
