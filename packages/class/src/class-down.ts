import { type DownSummary, down, type LabctlHome, resolveEnvironment } from "@labctl/core";
import type { ClassOptions } from "./class-options";
import { defaultReportDir } from "./class-report";
import { classRunResult } from "./class-result";
import type { ClassRunResult } from "./class-types";
import { stepsOf } from "./class-up";
import { type ClassVerifyStore, readVerifyStore } from "./class-verify-store";
import { forgetSheet } from "./report/forget-sheet";
import { runClassVerb } from "./run-class-verb";

export type ClassDownResult = ClassRunResult<DownSummary>;

/** The stored results, for the sheets' last result only: a corrupt file must not stop a teardown. */
function lastResults(home: LabctlHome, classId: string, lab: string): ClassVerifyStore | undefined {
  try {
    return readVerifyStore(home, classId, lab);
  } catch {
    return undefined;
  }
}

/**
 * `class down`: tears every selected student's environment down ("unchanged" when nothing was
 * left), then rewrites their sheets in the class's report directory without credentials.
 */
export async function classDown(opts: ClassOptions): Promise<ClassDownResult> {
  const { home, config, lab, classId, engine, signal } = opts;
  let store: ClassVerifyStore | undefined;
  const run = await runClassVerb("down", opts, {
    preflight: async () => {
      await engine.preflight({ signal });
      store = lastResults(home, classId, lab.id);
    },
    task: async (student, { signal, step }) => {
      const spec = resolveEnvironment(home, config, lab, student, classId);
      const summary = await down(home, engine, spec, { signal, onEvent: stepsOf(step) });
      forgetSheet(defaultReportDir(home, classId, lab.id), {
        lab,
        classId,
        student,
        report: store?.reports[student.id],
      });
      const n = summary.removed.length;
      return n === 0
        ? { state: "unchanged", message: "nothing to remove", result: summary }
        : { state: "ok", message: `${n} object${n === 1 ? "" : "s"} removed`, result: summary };
    },
  });
  return classRunResult("down", { lab: lab.id, classId, engine: engine.name, started: run.started }, run);
}
