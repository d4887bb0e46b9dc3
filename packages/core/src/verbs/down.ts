import type { DownResult, Engine, EngineRunOptions, EnvironmentSpec } from "../engine/types";
import { removeEnvironmentDir } from "../environment/environment-record";
import type { LabctlHome } from "../home/labctl-home";

export interface DownSummary extends DownResult {
  lab: string;
  student: string;
  classId: string;
  engine: string;
}

/** Tears an environment down, then forgets it (record, generated secrets). */
export async function down(
  home: LabctlHome,
  engine: Engine,
  spec: EnvironmentSpec,
  opts: EngineRunOptions = {},
): Promise<DownSummary> {
  await engine.preflight(opts);
  const result = await engine.down(spec, opts);
  removeEnvironmentDir(home, spec.classId, spec.lab.id, spec.student.id);
  return {
    lab: spec.lab.id,
    student: spec.student.id,
    classId: spec.classId,
    engine: engine.name,
    ...result,
  };
}
