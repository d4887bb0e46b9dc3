import { join } from "node:path";
import { type Lab, labelsFor, type Student } from "@labctl/sdk";
import { type LabctlConfig, mapImage } from "../config/config";
import type { EnvironmentSpec } from "../engine/types";
import { isLabctlError } from "../errors";
import { environmentDir, type LabctlHome } from "../home/labctl-home";
import { type PortPlan, planPorts } from "../ports/port-allocator";
import { readSecrets } from "../secrets/secret-store";
import { LABCTL_VERSION } from "../version";
import { readRecord } from "./environment-record";

/**
 * A spec with, when its ports are not recorded yet, the plan `up` commits once its pre-flight
 * passed (engines never see it: `up` strips it).
 */
export type ResolvedEnvironment = EnvironmentSpec & { portPlan?: PortPlan };

/**
 * Resolves everything an engine needs for one environment: mapped images, the student's
 * ports, the secrets generated so far, labels. Nothing is written: `up` records new ports and
 * generates missing secrets once its pre-flight passed, so a refused `up` leaves nothing behind.
 * Ids are validated (BAD_ID, exit 64) before anything else.
 */
export function resolveEnvironment(
  home: LabctlHome,
  config: LabctlConfig,
  lab: Lab,
  student: Student,
  classId: string,
): ResolvedEnvironment {
  environmentDir(home, classId, lab.id, student.id); // validates the ids first
  const plan = planPorts(home, config, [{ classId, student: student.id, lab: lab.id, roles: lab.ports }]);
  const spec = specFor(home, config, lab, student, classId, plan.ports[0] as Record<string, number>);
  return plan.adds ? { ...spec, portPlan: plan } : spec;
}

/** The spec for ports already planned (class up plans the whole roster in one pass). */
export function specFor(
  home: LabctlHome,
  config: LabctlConfig,
  lab: Lab,
  student: Student,
  classId: string,
  ports: Record<string, number>,
): EnvironmentSpec {
  const envDir = environmentDir(home, classId, lab.id, student.id);
  return {
    lab,
    student,
    classId,
    images: Object.fromEntries(
      Object.entries(lab.images).map(([role, ref]) => [role, mapImage(config, ref)]),
    ),
    ports,
    bindAddress: config.bindAddress,
    secrets: readSecrets(envDir, lab.secrets),
    labels: labelsFor({ lab: lab.id, student: student.id, classId }, LABCTL_VERSION),
    dockerHost: config.dockerHost,
    // Inside the environment's directory, so `down` removes it with the record and secrets.
    dataDir: join(envDir, "data"),
    ...recordedSwarm(home, classId, lab, student.id),
  };
}

/**
 * The publishing mode `up` recorded (swarm labs), so verify and down run the program as up did.
 * A corrupt record is not this function's to report: the verbs read it first and stop there.
 */
function recordedSwarm(
  home: LabctlHome,
  classId: string,
  lab: Lab,
  student: string,
): Partial<EnvironmentSpec> {
  if (lab.platform !== "swarm") return {};
  try {
    const swarm = readRecord(home, classId, lab.id, student)?.swarm;
    return swarm ? { swarm } : {};
  } catch (error) {
    if (isLabctlError(error)) return {};
    throw error;
  }
}
