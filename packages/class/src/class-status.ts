import { type LabctlHome, scanRecords } from "@labctl/core";
import type { Roster } from "@labctl/roster";
import { type DockerProbe, LABEL, type Lab, type Student } from "@labctl/sdk";
import { readClassRun, type StudentRunEntry } from "./class-run-record";
import { readVerifyStore } from "./class-verify-store";
import { notReverified } from "./report/class-grid";

export interface StudentStatus {
  student: Student;
  /** Recorded by a successful up on this machine. */
  up: boolean;
  engine?: string;
  ports: Record<string, number>;
  /** undefined when Docker could not be asked. */
  containers?: { name: string; status: string; health?: string }[];
  lastUp?: StudentRunEntry;
  lastVerify?: StudentRunEntry;
  score?: { status: string; earned: number; total: number; at: string };
  /** The environment record exists but cannot be read (the STATE_CORRUPT message, naming the file). */
  unreadable?: string;
  /** Why the last verify gave no result: "not re-verified: … (last result from …)" when a score stands. */
  error?: string;
}

export interface ClassStatusResult {
  lab: string;
  classId: string;
  students: StudentStatus[];
  /** Environments of this class and lab whose student is no longer in the roster. */
  notInRoster: string[];
}

/** `class status`: what labctl knows of each roster student's environment, and what Docker says. */
export async function classStatus(opts: {
  home: LabctlHome;
  lab: Lab;
  classId: string;
  roster: Roster;
  docker?: DockerProbe;
}): Promise<ClassStatusResult> {
  const { home, lab, classId, roster } = opts;
  const scan = scanRecords(home, lab.id);
  const records = scan.records.filter((r) => r.classId === classId);
  const unreadable = scan.unreadable.filter((u) => u.classId === classId);
  const run = readClassRun(home, classId, lab.id);
  const store = readVerifyStore(home, classId, lab.id);
  const containers = await opts.docker
    ?.containersWithLabels({ [LABEL.lab]: lab.id, [LABEL.class]: classId })
    .catch(() => undefined);
  const inRoster = new Set(roster.students.map((s) => s.id));
  const students = roster.students.map((student): StudentStatus => {
    const record = records.find((r) => r.student === student.id);
    const report = store?.reports[student.id];
    const error = store?.errors[student.id]?.message;
    const corrupt = unreadable.find((u) => u.student === student.id)?.message;
    return {
      student,
      ...(corrupt && { unreadable: corrupt }),
      up: record !== undefined,
      engine: record?.engine,
      ports: record?.ports ?? {},
      containers: containers
        ?.filter((c) => c.labels[LABEL.student] === student.id)
        .map((c) => ({
          name: c.name,
          status: c.state.status,
          ...(c.state.health && { health: c.state.health }),
        })),
      lastUp: run?.runs.up?.students[student.id],
      lastVerify: run?.runs.verify?.students[student.id],
      score: report && {
        status: report.status,
        earned: report.earned,
        total: report.total,
        at: report.startedAt,
      },
      ...(error && { error: report ? notReverified(error, report.startedAt) : error }),
    };
  });
  return {
    lab: lab.id,
    classId,
    students,
    notInRoster: records.filter((r) => !inRoster.has(r.student)).map((r) => r.student),
  };
}
