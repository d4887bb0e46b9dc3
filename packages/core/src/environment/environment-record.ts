import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EngineName } from "../engine/types";
import { environmentDir, type LabctlHome } from "../home/labctl-home";

/** What labctl remembers about an environment it built (besides the engine's own state). */
export interface EnvironmentRecord {
  lab: string;
  student: string;
  classId: string;
  engine: EngineName;
  ports: Record<string, number>;
  createdAt: string;
  updatedAt: string;
}

const recordFile = (dir: string) => join(dir, "environment.json");

export function readRecord(
  home: LabctlHome,
  classId: string,
  lab: string,
  student: string,
): EnvironmentRecord | undefined {
  try {
    return JSON.parse(
      readFileSync(recordFile(environmentDir(home, classId, lab, student)), "utf8"),
    ) as EnvironmentRecord;
  } catch {
    return undefined;
  }
}

export function writeRecord(
  home: LabctlHome,
  record: Omit<EnvironmentRecord, "createdAt" | "updatedAt">,
): EnvironmentRecord {
  const dir = environmentDir(home, record.classId, record.lab, record.student);
  const now = new Date().toISOString();
  const previous = readRecord(home, record.classId, record.lab, record.student);
  const full = { ...record, createdAt: previous?.createdAt ?? now, updatedAt: now };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(recordFile(dir), `${JSON.stringify(full, null, 2)}\n`, { mode: 0o600 });
  return full;
}

/** Forgets an environment: its record, its generated secrets, the docker engine's outputs. */
export function removeEnvironmentDir(home: LabctlHome, classId: string, lab: string, student: string): void {
  rmSync(environmentDir(home, classId, lab, student), { recursive: true, force: true });
}

/** Every environment labctl has a record of, optionally for one lab. */
export function listRecords(home: LabctlHome, lab?: string): EnvironmentRecord[] {
  const dirs = (path: string) => {
    try {
      return readdirSync(path, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
    } catch {
      return [];
    }
  };
  const records: EnvironmentRecord[] = [];
  for (const classId of dirs(home.envsDir)) {
    for (const labId of dirs(join(home.envsDir, classId))) {
      if (lab && labId !== lab) continue;
      for (const student of dirs(join(home.envsDir, classId, labId))) {
        const record = readRecord(home, classId, labId, student);
        if (record) records.push(record);
      }
    }
  }
  return records.sort((a, b) =>
    `${a.lab}/${a.classId}/${a.student}`.localeCompare(`${b.lab}/${b.classId}/${b.student}`),
  );
}
