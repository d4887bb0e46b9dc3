import { applyProgress, countsLine, plainLine, renderTable, type StudentRow } from "./class-table";

function rows(states: Record<string, StudentRow["state"]>): Map<string, StudentRow> {
  return new Map(Object.entries(states).map(([id, state]) => [id, { state }]));
}

describe("class status table", () => {
  it("counts finished and pending students", () => {
    expect(countsLine(rows({ a: "ok", b: "failed", c: "running", d: "queued", e: "queued" }))).toBe(
      "2/5 done: 1 ok, 1 failed; 1 running, 2 queued",
    );
  });

  it("shows elapsed time while running and the duration once done", () => {
    const table = new Map<string, StudentRow>();
    applyProgress(table, { student: "ann", state: "running" }, 1_000);
    applyProgress(
      table,
      { student: "ann", state: "running", detail: "create container tp01-ann-web" },
      2_000,
    );
    applyProgress(
      table,
      { student: "bob", state: "failed", detail: "port taken\nmore", durationMs: 12_345 },
      3_000,
    );
    const lines = renderTable(table, 4_500, { columns: 200, rows: 40 });
    expect(lines[1]).toBe("▸ ann      running    3.5s  create container tp01-ann-web");
    expect(lines[2]).toBe("✗ bob      failed      12s  port taken");
  });

  it("on a short terminal keeps only running and failed students, and cuts long lines", () => {
    const many = rows(
      Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`s${i}`, i === 7 ? "failed" : "ok"])),
    );
    many.set("s9", { state: "running", detail: "x".repeat(100) });
    const lines = renderTable(many, 0, { columns: 40, rows: 10 });
    expect(lines.map((l) => l.slice(0, 4))).toEqual(["29/3", "✗ s7", "▸ s9"]);
    expect(lines[2]?.length).toBe(40);
    expect(lines[2]?.endsWith("…")).toBe(true);
  });

  it("plain lines for logs name the student, state, duration and message", () => {
    expect(plainLine("ann", { state: "ok", durationMs: 2_100, detail: "2 create" })).toBe(
      "✓ ann  ok  2.1s  2 create",
    );
  });
});
