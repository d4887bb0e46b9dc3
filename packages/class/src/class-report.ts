import { join } from "node:path";
import {
  type Engine,
  type LabctlConfig,
  type LabctlHome,
  readRecord,
  resolveEnvironment,
} from "@labctl/core";
import type { Roster } from "@labctl/roster";
import type { Lab } from "@labctl/sdk";
import { classLabDir } from "./class-paths";
import { readVerifyStore } from "./class-verify-store";
import { pLimit } from "./p-limit";
import { type ClassGrid, classGrid } from "./report/class-grid";
import { type StudentSheet, sheetVerify, studentSheet } from "./report/student-sheet";
import { writeClassReport } from "./report/write-class-report";

export interface ClassReportOptions {
  home: LabctlHome;
  config: LabctlConfig;
  lab: Lab;
  classId: string;
  roster: Roster;
  /** Reads each environment's outputs (credentials in clear) for the sheets. */
  engine: Engine;
  /** Default: `<home>/classes/<class>/<lab>/report`. */
  outDir?: string;
  concurrency: number;
}

export interface ClassReportResult {
  dir: string;
  files: string[];
  grid: ClassGrid;
}

export const defaultReportDir = (home: LabctlHome, classId: string, lab: string) =>
  join(classLabDir(home, classId, lab), "report");

/** `class report`: a sheet per roster student and the class grid, from the last verify results. */
export async function classReport(opts: ClassReportOptions): Promise<ClassReportResult> {
  const { home, config, lab, classId, roster, engine } = opts;
  const store = readVerifyStore(home, classId, lab.id);
  const limit = pLimit(Math.max(1, opts.concurrency));
  const sheets: StudentSheet[] = await Promise.all(
    roster.students.map((student) =>
      limit(async () => {
        const spec = resolveEnvironment(home, config, lab, student, classId);
        let note = store?.errors[student.id]?.message;
        const outputs = await engine.outputs(spec).catch((e: Error) => {
          note = e.message;
          return undefined;
        });
        const record = readRecord(home, classId, lab.id, student.id);
        const report = store?.reports[student.id];
        return studentSheet({
          lab,
          classId,
          student,
          outputs,
          secrets: Object.values(spec.secrets),
          ports: record?.ports ?? {},
          note: outputs === undefined ? (note ?? "run `labctl class up` first") : undefined,
          verify: sheetVerify(report),
        });
      }),
    ),
  );
  const grid = classGrid(lab, classId, roster.students, store);
  const dir = opts.outDir ?? defaultReportDir(home, classId, lab.id);
  return { dir, files: writeClassReport(dir, grid, sheets, store), grid };
}
