import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tarArchive } from "./tar-archive";

describe("tarArchive", () => {
  it("writes an archive tar(1) extracts with contents and modes", () => {
    const dir = mkdtempSync(join(tmpdir(), "labctl-tar-"));
    const long = `${"d".repeat(80)}/${"e".repeat(60)}/file.txt`;
    writeFileSync(
      join(dir, "a.tar"),
      tarArchive([
        { path: "/www/index.html", content: Buffer.from("hello\n"), mode: 0o644 },
        { path: "/run.sh", content: Buffer.from("#!/bin/sh\n"), mode: 0o755 },
        { path: long, content: Buffer.alloc(700, 1), mode: 0o600 },
      ]),
    );
    execFileSync("tar", ["-xf", "a.tar"], { cwd: dir });
    expect(readFileSync(join(dir, "www/index.html"), "utf8")).toBe("hello\n");
    expect(statSync(join(dir, "run.sh")).mode & 0o777).toBe(0o755);
    expect(readFileSync(join(dir, long)).length).toBe(700);
    rmSync(dir, { recursive: true, force: true });
  });

  it("rejects a path no ustar header can hold", () => {
    expect(() => tarArchive([{ path: "x".repeat(300), content: Buffer.alloc(0), mode: 0o644 }])).toThrow(
      /too long/,
    );
  });
});
