import type { CheckOutcome, VerifyReport } from "@labctl/core";
import type { Lab, LabOutputs, Student } from "@labctl/sdk";

type Entry = [key: string, value: string];

/** What one student gets: how to reach their environment, their credentials, their last result. */
export interface StudentSheet {
  lab: { id: string; title: string };
  classId: string;
  student: Student;
  /** False when the environment has no outputs (not up). */
  up: boolean;
  urls: Entry[];
  credentials: Entry[];
  details: Entry[];
  ports: Record<string, number>;
  verify?: { status: string; earned: number; total: number; at: string; checks: CheckOutcome[] };
  /** Why the student has no result (not up, engine unreachable). */
  note?: string;
}

/** The part of a verify report a sheet shows. */
export const sheetVerify = (report: VerifyReport | undefined): StudentSheet["verify"] =>
  report && {
    status: report.status,
    earned: report.earned,
    total: report.total,
    at: report.startedAt,
    checks: report.checks,
  };

const CREDENTIAL_KEY = /password|passwd|secret|token|passphrase|credential/i;
const text = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** Sorts outputs into URLs, credentials (a generated secret's value, or a password-like key), and the rest. */
export function studentSheet(input: {
  lab: Lab;
  classId: string;
  student: Student;
  outputs?: LabOutputs;
  secrets: string[];
  ports: Record<string, number>;
  verify?: StudentSheet["verify"];
  note?: string;
}): StudentSheet {
  const secrets = new Set(input.secrets.filter((s) => s.length > 0));
  const sheet: StudentSheet = {
    lab: { id: input.lab.id, title: input.lab.title.en },
    classId: input.classId,
    student: input.student,
    up: input.outputs !== undefined,
    urls: [],
    credentials: [],
    details: [],
    ports: input.ports,
    verify: input.verify,
    note: input.note,
  };
  for (const [key, value] of Object.entries(input.outputs ?? {})) {
    const entry: Entry = [key, text(value)];
    if (typeof value === "string" && (secrets.has(value) || CREDENTIAL_KEY.test(key)))
      sheet.credentials.push(entry);
    else if (typeof value === "string" && /^https?:\/\//.test(value)) sheet.urls.push(entry);
    else sheet.details.push(entry);
  }
  return sheet;
}
