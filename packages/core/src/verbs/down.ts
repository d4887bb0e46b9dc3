import type Dockerode from "dockerode";
import { teardown } from "../engine/docker/teardown";
import type { DownResult, Engine, EngineRunOptions, EnvironmentSpec } from "../engine/types";
import { removeEnvironmentDir } from "../environment/environment-record";
import type { LabctlHome } from "../home/labctl-home";
import { selectorFor } from "../naming/labels";

export interface DownSummary extends DownResult {
  lab: string;
  student: string;
  classId: string;
  engine: string;
}

export interface DownOptions extends EngineRunOptions {
  /** Docker client for the label sweep after the engine's own teardown. */
  docker?: Dockerode;
}

/**
 * Tears an environment down, sweeps what still carries its labels (objects the engine's state
 * lost track of), then forgets it (record, generated secrets).
 */
export async function down(
  home: LabctlHome,
  engine: Engine,
  spec: EnvironmentSpec,
  opts: DownOptions = {},
): Promise<DownSummary> {
  await engine.preflight(opts);
  const result = await engine.down(spec, opts);
  const swept = opts.docker
    ? await teardown(
        opts.docker,
        selectorFor({ lab: spec.lab.id, student: spec.student.id, classId: spec.classId }),
        opts,
      )
    : [];
  removeEnvironmentDir(home, spec.classId, spec.lab.id, spec.student.id);
  return {
    lab: spec.lab.id,
    student: spec.student.id,
    classId: spec.classId,
    engine: engine.name,
    removed: [...result.removed, ...swept],
  };
}
