import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveHome } from "../home/labctl-home";
import { listRecords, readRecord, recordFile, scanRecords, writeRecord } from "./environment-record";

const newHome = () => resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-records-")) });
const record = (student: string, lab = "tp03") =>
  ({ classId: "default", lab, student, engine: "docker", ports: { web: 20000 } }) as const;

describe("environment records", () => {
  it("round-trip, keeping createdAt across updates", () => {
    const home = newHome();
    const first = writeRecord(home, record("alice"));
    const second = writeRecord(home, record("alice"));
    expect(second.createdAt).toBe(first.createdAt);
    expect(readRecord(home, "default", "tp03", "alice")).toEqual(second);
    expect(readRecord(home, "default", "tp03", "bob")).toBeUndefined();
  });

  it.each([
    ["garbage", "{garbage", /is not valid JSON/],
    ["the wrong shape", "{}", /does not have the expected shape/],
    [
      "an engine labctl does not have",
      JSON.stringify({ ...record("alice"), engine: "k8s", createdAt: "", updatedAt: "" }),
      /engine/,
    ],
    [
      "an id that is not a slug",
      JSON.stringify({ ...record("../x"), createdAt: "", updatedAt: "" }),
      /student: not a valid id/,
    ],
  ])("a record holding %s is a STATE_CORRUPT error naming the file, not 'absent'", (_, content, problem) => {
    const home = newHome();
    writeRecord(home, record("alice"));
    const file = recordFile(home, "default", "tp03", "alice");
    writeFileSync(file, content);
    expect(() => readRecord(home, "default", "tp03", "alice")).toThrow(
      expect.objectContaining({
        code: "STATE_CORRUPT",
        exitCode: 65,
        message: expect.stringMatching(problem),
      }),
    );
    expect(() => readRecord(home, "default", "tp03", "alice")).toThrow(file);
    // writing over it is refused too: its createdAt cannot be read
    expect(() => writeRecord(home, record("alice"))).toThrow(
      expect.objectContaining({ code: "STATE_CORRUPT" }),
    );
  });

  it("scanRecords returns readable records and names the unreadable ones; listRecords keeps the readable", () => {
    const home = newHome();
    writeRecord(home, record("bob"));
    writeRecord(home, record("alice"));
    writeRecord(home, record("alice", "tp05"));
    writeFileSync(recordFile(home, "default", "tp03", "bob"), "[]");
    mkdirSync(join(home.envsDir, "default", "tp03", "NotAnId"), { recursive: true }); // not labctl's
    const scan = scanRecords(home, "tp03");
    expect(scan.records.map((r) => r.student)).toEqual(["alice"]);
    expect(scan.unreadable).toEqual([
      {
        classId: "default",
        lab: "tp03",
        student: "bob",
        file: recordFile(home, "default", "tp03", "bob"),
        message: expect.stringContaining("does not have the expected shape"),
      },
    ]);
    expect(listRecords(home).map((r) => `${r.lab}/${r.student}`)).toEqual(["tp03/alice", "tp05/alice"]);
  });
});
