import type { StudentProgress, StudentState } from "@labctl/class";

export interface StudentRow {
  state: StudentState;
  detail?: string;
  startedAt?: number;
  durationMs?: number;
}

const MARK: Record<StudentState, string> = {
  queued: "·",
  running: "▸",
  ok: "✓",
  unchanged: "=",
  failed: "✗",
  cancelled: "-",
};

/** Folds one progress update into the rows (keeps when a student started, for the elapsed time). */
export function applyProgress(rows: Map<string, StudentRow>, p: StudentProgress, now: number): void {
  const previous = rows.get(p.student);
  const startedAt = p.state === "running" ? (previous?.startedAt ?? now) : previous?.startedAt;
  rows.set(p.student, { state: p.state, detail: p.detail, startedAt, durationMs: p.durationMs });
}

const seconds = (row: StudentRow, now: number) => {
  const ms = row.durationMs ?? (row.startedAt !== undefined ? now - row.startedAt : undefined);
  return ms === undefined ? "" : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
};

/** "12/30 done: 10 ok, 1 failed; 4 running, 14 queued" */
export function countsLine(rows: Map<string, StudentRow>): string {
  const counts = new Map<StudentState, number>();
  for (const row of rows.values()) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  const done = [...rows.values()].filter((r) => r.state !== "queued" && r.state !== "running").length;
  const list = (states: StudentState[]) =>
    states
      .filter((s) => counts.get(s))
      .map((s) => `${counts.get(s)} ${s}`)
      .join(", ");
  const finals = list(["ok", "unchanged", "failed", "cancelled"]);
  const pending = list(["running", "queued"]);
  return `${done}/${rows.size} done${finals ? `: ${finals}` : ""}${pending ? `; ${pending}` : ""}`;
}

/**
 * The live table: a counts line, then one line per student; when the terminal is too short,
 * only the students worth looking at (running, failed). Lines are cut to the terminal width.
 */
export function renderTable(
  rows: Map<string, StudentRow>,
  now: number,
  size: { columns: number; rows: number },
): string[] {
  const width = Math.max(...[...rows.keys()].map((id) => id.length), 7);
  const line = ([id, row]: [string, StudentRow]) =>
    `${MARK[row.state]} ${id.padEnd(width)}  ${row.state.padEnd(9)} ${seconds(row, now).padStart(5)}  ${(row.detail ?? "").split("\n")[0]}`;
  let entries = [...rows];
  const room = Math.max(size.rows - 2, 3);
  if (entries.length > room) {
    entries = entries.filter(([, r]) => r.state === "running" || r.state === "failed").slice(0, room - 1);
  }
  return [countsLine(rows), ...entries.map(line)].map((l) =>
    l.length > size.columns ? `${l.slice(0, size.columns - 1)}…` : l,
  );
}

/** A plain line for logs (not a terminal, CI): one per student reaching a final state. */
export function plainLine(student: string, row: StudentRow): string {
  return `${MARK[row.state]} ${student}  ${row.state}  ${seconds(row, 0)}  ${(row.detail ?? "").split("\n")[0]}`;
}
