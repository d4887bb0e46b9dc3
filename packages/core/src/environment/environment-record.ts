import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { SwarmPublishing } from "@labctl/sdk";
import { z } from "zod";
import type { EngineName } from "../engine/types";
import { isLabctlError } from "../errors";
import { environmentDir, type LabctlHome } from "../home/labctl-home";
import { isValidId } from "../naming/valid-id";
import { readStateFile, type StateFileKind, writeStateFile } from "../state/state-file";

/** What labctl remembers about an environment it built (besides the engine's own state). */
export interface EnvironmentRecord {
  lab: string;
  student: string;
  classId: string;
  engine: EngineName;
  ports: Record<string, number>;
  /** Swarm labs: the publishing mode `up` used, so verify and down see the same one (absent in older records). */
  swarm?: SwarmPublishing;
  createdAt: string;
  updatedAt: string;
}

const id = z.string().refine(isValidId, "not a valid id");

const recordKind: StateFileKind<EnvironmentRecord> = {
  what: "The environment record",
  schema: z.object({
    lab: id,
    student: id,
    classId: id,
    engine: z.enum(["pulumi", "docker"]),
    ports: z.record(z.string(), z.number().int()),
    swarm: z.object({ mode: z.enum(["mesh", "host"]) }).optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  advice:
    "labctl will not touch this environment until the file is fixed: restore it from a backup, or, if you know the environment is gone, move the folder away and run `labctl gc`.",
};

export const recordFile = (home: LabctlHome, classId: string, lab: string, student: string): string =>
  join(environmentDir(home, classId, lab, student), "environment.json");

/** The record, undefined when there is none; a corrupt one is a STATE_CORRUPT error naming the file. */
export function readRecord(
  home: LabctlHome,
  classId: string,
  lab: string,
  student: string,
): EnvironmentRecord | undefined {
  return readStateFile(recordFile(home, classId, lab, student), recordKind);
}

export function writeRecord(
  home: LabctlHome,
  record: Omit<EnvironmentRecord, "createdAt" | "updatedAt">,
): EnvironmentRecord {
  const file = recordFile(home, record.classId, record.lab, record.student);
  const now = new Date().toISOString();
  const previous = readStateFile(file, recordKind);
  const full = { ...record, createdAt: previous?.createdAt ?? now, updatedAt: now };
  writeStateFile(file, full);
  return full;
}

/**
 * Forgets an environment: its record, its generated secrets, the docker engine's outputs
 * (credentials in clear), its data folder. The path is validated and inside the home.
 */
export function removeEnvironmentDir(home: LabctlHome, classId: string, lab: string, student: string): void {
  rmSync(environmentDir(home, classId, lab, student), { recursive: true, force: true });
}

/** An environment folder whose record exists but cannot be read: shown, never taken as absent. */
export interface UnreadableRecord {
  classId: string;
  lab: string;
  student: string;
  file: string;
  /** The STATE_CORRUPT message, naming the file and what is wrong. */
  message: string;
}

export interface RecordScan {
  records: EnvironmentRecord[];
  unreadable: UnreadableRecord[];
}

const subdirs = (path: string): string[] => {
  try {
    return readdirSync(path, { withFileTypes: true })
      .filter((d) => d.isDirectory() && isValidId(d.name))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
};

/** Every environment folder of the home (optionally for one lab): readable records and the others. */
export function scanRecords(home: LabctlHome, lab?: string): RecordScan {
  const scan: RecordScan = { records: [], unreadable: [] };
  for (const classId of subdirs(home.envsDir)) {
    for (const labId of subdirs(join(home.envsDir, classId))) {
      if (lab && labId !== lab) continue;
      for (const student of subdirs(join(home.envsDir, classId, labId))) {
        try {
          const record = readRecord(home, classId, labId, student);
          if (record) scan.records.push(record);
        } catch (error) {
          if (!isLabctlError(error)) throw error;
          const file = recordFile(home, classId, labId, student);
          scan.unreadable.push({ classId, lab: labId, student, file, message: error.message });
        }
      }
    }
  }
  const key = (r: { lab: string; classId: string; student: string }) => `${r.lab}/${r.classId}/${r.student}`;
  scan.records.sort((a, b) => key(a).localeCompare(key(b)));
  scan.unreadable.sort((a, b) => key(a).localeCompare(key(b)));
  return scan;
}

/**
 * The readable records only. Callers that act on "every environment" should use `scanRecords`
 * and say what they skip: an unreadable record is an environment that may well be running.
 */
export const listRecords = (home: LabctlHome, lab?: string): EnvironmentRecord[] =>
  scanRecords(home, lab).records;
