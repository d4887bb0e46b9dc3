import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { isLabctlError } from "../errors";
import { readStateFile, writeStateFile } from "./state-file";

const kind = { what: "the test record", schema: z.object({ n: z.number() }) };
const dir = () => mkdtempSync(join(tmpdir(), "labctl-state-"));

function thrown(work: () => unknown) {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("state files", () => {
  it("round-trips a value, private to the user, with no temp file left", () => {
    const d = dir();
    const file = join(d, "sub", "record.json");
    writeStateFile(file, { n: 1 });
    writeStateFile(file, { n: 2 });
    expect(readStateFile(file, kind)).toEqual({ n: 2 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(d, "sub")).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(d, "sub"))).toEqual(["record.json"]);
  });

  it("reads a missing file as absent", () => {
    expect(readStateFile(join(dir(), "none.json"), kind)).toBeUndefined();
  });

  it.each([
    ["garbage", "{not json", /is not valid JSON/],
    ["the wrong shape", "{}", /does not have the expected shape \(n: /],
    ["empty", "", /is not valid JSON/],
  ])("names the file and the problem when it holds %s", (_, content, problem) => {
    const file = join(dir(), "record.json");
    writeFileSync(file, content);
    const error = thrown(() => readStateFile(file, kind));
    expect(isLabctlError(error)).toBe(true);
    expect(error).toMatchObject({ code: "STATE_CORRUPT", exitCode: 65 });
    expect((error as Error).message).toContain(`the test record ${file}`);
    expect((error as Error).message).toMatch(problem);
  });

  it("never takes an unreadable file for an absent one", () => {
    const file = join(dir(), "record.json");
    mkdirSync(file); // a folder where the file should be: EISDIR
    expect(thrown(() => readStateFile(file, kind))).toMatchObject({ code: "STATE_CORRUPT" });
  });
});
