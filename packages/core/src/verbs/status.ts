import type { DockerProbe } from "@labctl/sdk";
import { type EnvironmentRecord, listRecords } from "../environment/environment-record";
import type { LabctlHome } from "../home/labctl-home";
import { selectorFor } from "../naming/labels";

export interface EnvironmentStatus extends EnvironmentRecord {
  /** Containers found by label, with their state; undefined when Docker could not be asked. */
  containers?: { name: string; status: string; health?: string }[];
}

/** The environments labctl knows of, with what Docker says about their containers. */
export async function status(
  home: LabctlHome,
  docker?: DockerProbe,
  lab?: string,
): Promise<EnvironmentStatus[]> {
  const records = listRecords(home, lab);
  return Promise.all(
    records.map(async (record) => {
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
}
