import { type DockerProbe, selectorFor } from "@labctl/sdk";
import { type EnvironmentRecord, scanRecords } from "../environment/environment-record";
import type { LabctlHome } from "../home/labctl-home";

/** An environment with a readable record, and what Docker says about its containers. */
export interface KnownEnvironmentStatus extends EnvironmentRecord {
  /** Containers found by label, with their state; undefined when Docker could not be asked. */
  containers?: { name: string; status: string; health?: string }[];
  unreadable?: undefined;
}

/** An environment folder whose record cannot be read: shown so it is not forgotten, never probed. */
export interface UnreadableEnvironmentStatus {
  lab: string;
  student: string;
  classId: string;
  /** The STATE_CORRUPT message, naming the file and what to do. */
  unreadable: string;
}

export type EnvironmentStatus = KnownEnvironmentStatus | UnreadableEnvironmentStatus;

/** The environments labctl knows of (readable or not), with what Docker says about their containers. */
export async function status(
  home: LabctlHome,
  docker?: DockerProbe,
  lab?: string,
): Promise<EnvironmentStatus[]> {
  const { records, unreadable } = scanRecords(home, lab);
  const known = await Promise.all(
    records.map(async (record): Promise<KnownEnvironmentStatus> => {
      if (!docker) return record;
      try {
        const containers = await docker.containersWithLabels(
          selectorFor({ lab: record.lab, student: record.student, classId: record.classId }),
        );
        return {
          ...record,
          containers: containers.map((c) => ({
            name: c.name,
            status: c.state.status,
            health: c.state.health,
          })),
        };
      } catch {
        return record;
      }
    }),
  );
  const key = (e: EnvironmentStatus) => `${e.lab}/${e.classId}/${e.student}`;
  const broken = unreadable.map(
    (u): UnreadableEnvironmentStatus => ({
      lab: u.lab,
      student: u.student,
      classId: u.classId,
      unreadable: u.message,
    }),
  );
  return [...known, ...broken].sort((a, b) => key(a).localeCompare(key(b)));
}
