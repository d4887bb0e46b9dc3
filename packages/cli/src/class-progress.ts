import type { StudentProgress } from "@labctl/class";
import { applyProgress, plainLine, renderTable, type StudentRow } from "./class-table";

export interface ClassProgressView {
  update(progress: StudentProgress): void;
  /** A message above the table (Ctrl-C acknowledged). */
  note(line: string): void;
  stop(): void;
}

const REDRAW_MS = 100;

/**
 * Per-student progress on stderr: a live table on a terminal (redrawn in place), one plain line
 * per finished student when output is piped or in CI, nothing under --json.
 */
export function classProgress(opts: {
  students: string[];
  json: boolean;
  stream: NodeJS.WriteStream;
}): ClassProgressView {
  const { stream } = opts;
  if (opts.json) return { update: () => undefined, note: () => undefined, stop: () => undefined };
  const rows = new Map<string, StudentRow>(opts.students.map((id) => [id, { state: "queued" }]));
  const live = stream.isTTY === true && !process.env.CI;
  if (!live) {
    return {
      update(p) {
        applyProgress(rows, p, Date.now());
        const row = rows.get(p.student);
        if (row && p.state !== "queued" && p.state !== "running")
          stream.write(`${plainLine(p.student, row)}\n`);
      },
      note: (line) => stream.write(`${line}\n`),
      stop: () => undefined,
    };
  }
  let drawn = 0;
  let dirty = true;
  const draw = () => {
    const lines = renderTable(rows, Date.now(), { columns: stream.columns ?? 100, rows: stream.rows ?? 40 });
    const up = drawn > 0 ? `\x1b[${drawn}F` : "";
    stream.write(`${up}${lines.map((l) => `\x1b[2K${l}\n`).join("")}\x1b[J`);
    drawn = lines.length;
    dirty = false;
  };
  const showCursor = () => stream.write("\x1b[?25h");
  stream.write("\x1b[?25l");
  process.once("exit", showCursor); // a second Ctrl-C exits at once
  // Redraw on changes at most every 100 ms, and every second for the elapsed times.
  const timer = setInterval(() => dirty && draw(), REDRAW_MS);
  const clock = setInterval(() => {
    dirty = true;
  }, 1000);
  return {
    update(p) {
      applyProgress(rows, p, Date.now());
      dirty = true;
    },
    note(line) {
      stream.write(`${drawn > 0 ? `\x1b[${drawn}F\x1b[J` : ""}${line}\n`);
      drawn = 0;
      draw();
    },
    stop() {
      clearInterval(timer);
      clearInterval(clock);
      draw();
      process.off("exit", showCursor);
      showCursor();
    },
  };
}
