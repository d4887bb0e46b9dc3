import type { Student } from "@labctl/sdk";
import type { ClassOptions } from "./class-options";
import { ClassRunRecorder, readClassRun } from "./class-run-record";
import type { ClassVerb, StudentOutcome } from "./class-types";
import { runForStudents, type StudentTask } from "./run-for-students";
import { selectStudents } from "./select-students";

export interface ClassVerbRun<T> {
  started: Date;
  selected: Student[];
  outcomes: StudentOutcome<T>[];
  interrupted: boolean;
}

/**
 * The frame of `class up|verify|down`: select the students (--only, --retry-failed), run the
 * pre-flight when there is work, then the task for each with bounded concurrency, recording
 * every student's state in last-run.json as it changes.
 */
export async function runClassVerb<T>(
  verb: ClassVerb,
  opts: ClassOptions,
  steps: { preflight?: (selected: Student[]) => Promise<void>; task: StudentTask<T> },
): Promise<ClassVerbRun<T>> {
  const { home, lab, classId, roster, engine } = opts;
  const started = new Date();
  const record = readClassRun(home, classId, lab.id);
  const selected = selectStudents(roster.students, opts.selection ?? {}, {
    verb,
    lab: lab.id,
    classId,
    record,
  });
  if (selected.length > 0) await steps.preflight?.(selected);
  const recorder = new ClassRunRecorder(home, { classId, lab: lab.id }, verb, {
    roster: roster.source,
    engine: engine.name,
  });
  const { outcomes, interrupted } = await runForStudents(selected, steps.task, {
    concurrency: opts.concurrency,
    signal: opts.signal,
    onProgress: (progress) => {
      recorder.update(progress);
      opts.onProgress?.(progress);
    },
  });
  recorder.finish(interrupted);
  return { started, selected, outcomes, interrupted };
}
