import { join } from "node:path";
import type { Lab, Student } from "@labctl/sdk";
import { type LabctlConfig, mapImage } from "../config/config";
import type { EnvironmentSpec } from "../engine/types";
import { environmentDir, type LabctlHome } from "../home/labctl-home";
import { labelsFor } from "../naming/labels";
import { allocatePorts } from "../ports/port-allocator";
import { readSecrets } from "../secrets/secret-store";
import { LABCTL_VERSION } from "../version";

/**
 * Resolves everything an engine needs for one environment: mapped images, the student's
 * ports, the secrets generated so far (`up` generates missing ones once its pre-flight passed,
 * so a refused `up` leaves nothing behind), labels.
 */
export function resolveEnvironment(
  home: LabctlHome,
  config: LabctlConfig,
  lab: Lab,
  student: Student,
  classId: string,
  /** Record the port allocation (up); verify and down only look. */
  claimPorts = true,
): EnvironmentSpec {
  const envDir = environmentDir(home, classId, lab.id, student.id);
  return {
    lab,
    student,
    classId,
    images: Object.fromEntries(
      Object.entries(lab.images).map(([role, ref]) => [role, mapImage(config, ref)]),
    ),
    ports: allocatePorts(
      home,
      config,
      { classId, student: student.id, lab: lab.id, roles: lab.ports },
      claimPorts,
    ),
    bindAddress: config.bindAddress,
    secrets: readSecrets(envDir, lab.secrets),
    labels: labelsFor({ lab: lab.id, student: student.id, classId }, LABCTL_VERSION),
    dockerHost: config.dockerHost,
    // Inside the environment's directory, so `down` removes it with the record and secrets.
    dataDir: join(envDir, "data"),
  };
}
