import type { Engine, EngineRunOptions, EnvironmentSpec, PendingOperation } from "../engine/types";
import type { LabctlHome } from "../home/labctl-home";
import { withEnvironmentLock } from "../state/environment-lock";

export interface RepairSummary {
  lab: string;
  student: string;
  engine: string;
  /** False when there was nothing to repair (no stack, or an engine without state). */
  repaired: boolean;
  /** Operations a killed run left pending, now cleared (their objects are swept by `down`/`gc`). */
  clearedOperations: PendingOperation[];
}

type Repairable = Engine & {
  repair(
    spec: EnvironmentSpec,
    opts?: EngineRunOptions,
  ): Promise<{ found: boolean; clearedOperations: PendingOperation[] }>;
};

const canRepair = (engine: Engine): engine is Repairable =>
  typeof (engine as Partial<Repairable>).repair === "function";

/**
 * After an interrupted run or a stale lock: cancel, clear pending operations, refresh (Pulumi).
 * The docker engine keeps no state beyond labels, so there is nothing to repair: `up` again.
 */
export async function repair(
  home: LabctlHome,
  engine: Engine,
  spec: EnvironmentSpec,
  opts: EngineRunOptions = {},
): Promise<RepairSummary> {
  const base = { lab: spec.lab.id, student: spec.student.id, engine: engine.name };
  if (!canRepair(engine)) return { ...base, repaired: false, clearedOperations: [] };
  // Holding the environment's lock: repairing under a live run would cancel it.
  const key = { classId: spec.classId, lab: spec.lab.id, student: spec.student.id };
  return withEnvironmentLock(home, key, "repair", async () => {
    await engine.preflight(opts);
    const result = await engine.repair(spec, opts);
    return { ...base, repaired: result.found, clearedOperations: result.clearedOperations };
  });
}
