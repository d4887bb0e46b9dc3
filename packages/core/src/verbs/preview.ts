import type { Engine, EngineRunOptions, EnvironmentSpec, ResourceChange } from "../engine/types";
import type { LabctlHome } from "../home/labctl-home";
import { withEnvironmentLock } from "../state/environment-lock";

export interface PreviewSummary {
  lab: string;
  student: string;
  classId: string;
  engine: string;
  changes: ResourceChange[];
}

/**
 * What `up` would do, changing nothing. Secrets not generated yet get a placeholder for the
 * run only (they are generated, and kept, by the first real `up`). Holds the environment's
 * lock: a preview during an `up` would read a half-changed state.
 */
export async function preview(
  home: LabctlHome,
  engine: Engine,
  spec: EnvironmentSpec,
  opts: EngineRunOptions = {},
): Promise<PreviewSummary> {
  const key = { classId: spec.classId, lab: spec.lab.id, student: spec.student.id };
  return withEnvironmentLock(home, key, "preview", async () => {
    await engine.preflight(opts);
    const placeholders = Object.fromEntries(spec.lab.secrets.map((name) => [name, `preview-${name}`]));
    const result = await engine.preview({ ...spec, secrets: { ...placeholders, ...spec.secrets } }, opts);
    return {
      lab: key.lab,
      student: key.student,
      classId: key.classId,
      engine: engine.name,
      changes: result.changes,
    };
  });
}
