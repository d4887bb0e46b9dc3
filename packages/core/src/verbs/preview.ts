import type { Engine, EngineRunOptions, EnvironmentSpec, ResourceChange } from "../engine/types";

export interface PreviewSummary {
  lab: string;
  student: string;
  classId: string;
  engine: string;
  changes: ResourceChange[];
}

/**
 * What `up` would do, changing nothing. Secrets not generated yet get a placeholder for the
 * run only (they are generated, and kept, by the first real `up`).
 */
export async function preview(
  engine: Engine,
  spec: EnvironmentSpec,
  opts: EngineRunOptions = {},
): Promise<PreviewSummary> {
  await engine.preflight(opts);
  const placeholders = Object.fromEntries(spec.lab.secrets.map((name) => [name, `preview-${name}`]));
  const result = await engine.preview({ ...spec, secrets: { ...placeholders, ...spec.secrets } }, opts);
  return {
    lab: spec.lab.id,
    student: spec.student.id,
    classId: spec.classId,
    engine: engine.name,
    changes: result.changes,
  };
}
