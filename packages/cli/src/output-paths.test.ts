import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkInputFile } from "./input-paths";
import { blameFlag, checkHome, checkOutputDir, checkOutputFile } from "./output-paths";

const dir = mkdtempSync(join(tmpdir(), "labctl-paths-"));
const file = join(dir, "file.txt");
writeFileSync(file, "x");
mkdirSync(join(dir, "sub"));

describe("checkOutputFile (--junit, --markdown)", () => {
  it("accepts a new file in an existing folder, an existing file, and no flag at all", () => {
    expect(() => checkOutputFile("--junit", join(dir, "new.xml"))).not.toThrow();
    expect(() => checkOutputFile("--junit", file)).not.toThrow();
    expect(() => checkOutputFile("--junit", undefined)).not.toThrow();
  });

  it.each([
    ["a missing folder", join(dir, "missing", "x.xml"), /the folder .*missing does not exist/],
    ["a folder", join(dir, "sub"), /is a folder, not a file/],
    ["a path under a file", join(file, "x.xml"), /is a file, not a folder/],
    ["an empty path", "", /was given an empty path/],
  ])("refuses %s with exit 64 naming the flag", (_what, path, message) => {
    expect(() => checkOutputFile("--junit", path)).toThrow(
      expect.objectContaining({
        exitCode: 64,
        code: "BAD_OUTPUT_PATH",
        message: expect.stringMatching(message),
      }),
    );
    expect(() => checkOutputFile("--junit", path)).toThrow(/--junit/);
  });
});

describe("checkOutputDir (--out)", () => {
  it("accepts an existing folder and one that can be created", () => {
    expect(() => checkOutputDir("--out", join(dir, "sub"))).not.toThrow();
    expect(() => checkOutputDir("--out", join(dir, "new", "deeper"))).not.toThrow();
  });

  it("refuses a file, or a path under a file, with exit 64", () => {
    expect(() => checkOutputDir("--out", file)).toThrow(
      expect.objectContaining({ exitCode: 64, message: `--out ${file} is a file, not a folder.` }),
    );
    expect(() => checkOutputDir("--out", join(file, "report"))).toThrow(
      expect.objectContaining({ exitCode: 64, message: expect.stringContaining(`${file} is a file`) }),
    );
  });
});

describe("checkInputFile (--roster)", () => {
  it("a missing file or a folder is exit 66 naming the path and the flag", () => {
    expect(() => checkInputFile("--roster", join(dir, "nope.csv"), "roster")).toThrow(
      expect.objectContaining({ exitCode: 66, message: `Roster ${join(dir, "nope.csv")} not found.` }),
    );
    expect(() => checkInputFile("--roster", dir, "roster")).toThrow(
      expect.objectContaining({ exitCode: 66, message: `Roster ${dir} is a folder, not a file.` }),
    );
    expect(() => checkInputFile("--roster", file, "roster")).not.toThrow();
  });
});

describe("checkHome (LABCTL_HOME)", () => {
  it("a home that exists or can be created is fine; one under a file is the machine's problem (exit 2)", () => {
    expect(() => checkHome(join(dir, "home", "deeper"))).not.toThrow();
    expect(() => checkHome(join(file, "home"))).toThrow(
      expect.objectContaining({
        exitCode: 2,
        code: "HOME_UNUSABLE",
        message: `LABCTL_HOME ${join(file, "home")} cannot be used: ${file} is a file, not a folder.`,
      }),
    );
  });
});

describe("blameFlag", () => {
  const enoent = (path: string) =>
    Object.assign(new Error("ENOENT"), { code: "ENOENT", syscall: "open", path });

  it("an error under the flag's path names the flag (64); any other passes on as it is", () => {
    expect(blameFlag(enoent(join(dir, "out", "grid.md")), "--out", join(dir, "out"))).toMatchObject({
      exitCode: 64,
      advice: expect.stringContaining("--out"),
    });
    const elsewhere = enoent(join(dir, "outside", "x"));
    expect(blameFlag(elsewhere, "--out", join(dir, "out"))).toBe(elsewhere);
    expect(blameFlag(elsewhere, "--out", undefined)).toBe(elsewhere);
  });
});
