import { resolveEnvironment } from "../environment/resolve-environment";
import { type DownSummary, down } from "../verbs/down";
import type { ClassOptions } from "./class-options";
import { classRunResult } from "./class-result";
import type { ClassRunResult } from "./class-types";
import { stepsOf } from "./class-up";
import { runClassVerb } from "./run-class-verb";

export type ClassDownResult = ClassRunResult<DownSummary>;

/** `class down`: tears every selected student's environment down ("unchanged" when nothing was left). */
export async function classDown(opts: ClassOptions): Promise<ClassDownResult> {
  const { home, config, lab, classId, engine, signal } = opts;
  const run = await runClassVerb("down", opts, {
    preflight: () => engine.preflight({ signal }),
    task: async (student, { signal, step }) => {
      const spec = resolveEnvironment(home, config, lab, student, classId, false);
      const summary = await down(home, engine, spec, { signal, onEvent: stepsOf(step) });
      const n = summary.removed.length;
      return n === 0
        ? { state: "unchanged", message: "nothing to remove", result: summary }
        : { state: "ok", message: `${n} object${n === 1 ? "" : "s"} removed`, result: summary };
    },
  });
  return classRunResult("down", { lab: lab.id, classId, engine: engine.name, started: run.started }, run);
}
