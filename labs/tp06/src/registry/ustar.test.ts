import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ustarOneFile } from "./ustar";

describe("ustarOneFile", () => {
  it("is a tar archive that tar itself lists and extracts", () => {
    const archive = ustarOneFile("hello.txt", "hi from labctl\n");
    expect(archive.length % 512).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), "labctl-ustar-"));
    writeFileSync(join(dir, "a.tar"), archive, "latin1");
    expect(execFileSync("tar", ["-tvf", "a.tar"], { cwd: dir, encoding: "utf8" })).toMatch(
      /^-rw-r--r-- 0\/0 +15 1970-01-01 00:00 hello\.txt$/m,
    );
    execFileSync("tar", ["-xf", "a.tar"], { cwd: dir });
    expect(readFileSync(join(dir, "hello.txt"), "utf8")).toBe("hi from labctl\n");
  });

  it("gives the same bytes for the same content", () => {
    expect(ustarOneFile("a", "x")).toBe(ustarOneFile("a", "x"));
    expect(ustarOneFile("a", "x")).not.toBe(ustarOneFile("a", "y"));
  });

  it("refuses what would not survive as a string", () => {
    expect(() => ustarOneFile("a", "é")).toThrow(/ASCII/);
    expect(() => ustarOneFile("x".repeat(100), "")).toThrow(/short printable ASCII/);
  });
});
