import type { LabOutputs } from "@labctl/sdk";
import type Docker from "dockerode";
import type { Engine, EngineRunOptions, EnvironmentSpec, ResourceChange } from "../engine/types";
import { writeRecord } from "../environment/environment-record";
import type { LabctlHome } from "../home/labctl-home";
import { environmentDir } from "../home/labctl-home";
import { selectorFor } from "../naming/labels";
import { dockerPortOwner, ownedBy } from "../ports/docker-port-owners";
import { assertPortsFree } from "../ports/port-preflight";
import { ensureSecrets, redactSecrets } from "../secrets/secret-store";

export interface UpSummary {
  lab: string;
  student: string;
  classId: string;
  engine: string;
  ports: Record<string, number>;
  /** Secret values replaced by "[secret]" unless `showSecrets`. */
  outputs: LabOutputs;
  changes: ResourceChange[];
}

export interface UpOptions extends EngineRunOptions {
  showSecrets?: boolean;
  /** Docker client for the port pre-flight (names the owner of a taken port). */
  docker?: Docker;
}

/** Builds (or brings up to date) one environment: engine pre-flight, port pre-flight, then up. */
export async function up(
  home: LabctlHome,
  engine: Engine,
  resolved: EnvironmentSpec,
  opts: UpOptions = {},
): Promise<UpSummary> {
  const { lab, student, classId } = resolved;
  await engine.preflight(opts);
  const selector = selectorFor({ lab: lab.id, student: student.id, classId });
  await assertPortsFree(
    resolved.ports,
    resolved.bindAddress,
    opts.docker ? ownedBy(opts.docker, selector) : async () => false,
    opts.docker ? dockerPortOwner(opts.docker) : async () => undefined,
  );
  // Secrets are generated only now, so a refused `up` leaves nothing behind.
  const spec = {
    ...resolved,
    secrets: ensureSecrets(environmentDir(home, classId, lab.id, student.id), lab.secrets),
  };
  const result = await engine.up(spec, opts);
  writeRecord(home, {
    lab: spec.lab.id,
    student: spec.student.id,
    classId: spec.classId,
    engine: engine.name,
    ports: spec.ports,
  });
  return {
    lab: spec.lab.id,
    student: spec.student.id,
    classId: spec.classId,
    engine: engine.name,
    ports: spec.ports,
    outputs: opts.showSecrets ? result.outputs : redactSecrets(result.outputs, Object.values(spec.secrets)),
    changes: result.changes,
  };
}
