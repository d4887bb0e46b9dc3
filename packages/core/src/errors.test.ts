import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ExitCode, LabctlError, toLabctlError } from "./errors";

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
};

describe("toLabctlError", () => {
  const dir = mkdtempSync(join(tmpdir(), "labctl-errors-"));
  const file = join(dir, "a-file");
  writeFileSync(file, "x");

  it("keeps a LabctlError as it is", () => {
    const e = new LabctlError("m", "a", ExitCode.locked, "LOCKED");
    expect(toLabctlError(e)).toBe(e);
  });

  it("an output path given by a flag whose folder is missing is a usage error naming flag and folder", () => {
    const e = toLabctlError(
      thrown(() => writeFileSync(join(dir, "missing", "x.xml"), "")),
      { flag: "--junit", what: "JUnit file" },
    );
    expect(e).toMatchObject({ exitCode: 64, code: "BAD_PATH" });
    expect(e.message).toBe(
      `Cannot write JUnit file ${join(dir, "missing", "x.xml")}: no such file or folder.`,
    );
    expect(e.advice).toContain(
      `Create the folder ${join(dir, "missing")} first, or give --junit another path.`,
    );
  });

  it("EEXIST and ENOTDIR on a flag's path are usage errors too", () => {
    expect(
      toLabctlError(
        thrown(() => mkdirSync(file)),
        { flag: "--out" },
      ),
    ).toMatchObject({
      exitCode: 64,
      message: expect.stringContaining("it already exists"),
    });
    expect(
      toLabctlError(
        thrown(() => writeFileSync(join(file, "x"), "")),
        { flag: "--out" },
      ),
    ).toMatchObject({
      exitCode: 64,
      message: expect.stringContaining("is a file, not a folder"),
    });
  });

  it("inputs: a missing one is 66, a folder is 66 with the reason", () => {
    const missing = toLabctlError(
      thrown(() => readFileSync(join(dir, "nope.csv"))),
      { role: "input", what: "roster" },
    );
    expect(missing).toMatchObject({
      exitCode: 66,
      message: expect.stringMatching(/^Cannot read roster .*nope\.csv: no such file/),
    });
    expect(
      toLabctlError(
        thrown(() => readFileSync(dir)),
        { role: "input" },
      ),
    ).toMatchObject({
      exitCode: 66,
      message: expect.stringContaining("it is a folder, not a file"),
    });
  });

  it("a write refused inside the labctl home is the machine's problem (2) with advice about LABCTL_HOME", () => {
    const e = Object.assign(new Error("EACCES: permission denied, open"), {
      code: "EACCES",
      syscall: "open",
      path: join(dir, "home", "ports.json"),
    });
    const mapped = toLabctlError(e, { home: join(dir, "home") });
    expect(mapped.exitCode).toBe(2);
    expect(mapped.message).toContain("permission denied");
    expect(mapped.advice).toContain("set LABCTL_HOME to a folder you own");
    expect(toLabctlError({ ...e, code: "EROFS" }, { flag: "--markdown" })).toMatchObject({
      exitCode: 64,
      message: expect.stringContaining("read-only"),
    });
    expect(toLabctlError({ ...e, code: "ENOSPC" }, { flag: "--markdown" })).toMatchObject({
      exitCode: 2,
      code: "NO_SPACE",
    });
  });

  it("an invalid URL names the value; from a flag it is a usage error, from a file bad input", () => {
    const bad = thrown(() => new URL("tcp//x"));
    expect(toLabctlError(bad, { flag: "--docker-host" })).toMatchObject({
      exitCode: 64,
      message: '"tcp//x" given to --docker-host is not a valid URL.',
    });
    expect(toLabctlError(bad).exitCode).toBe(65);
  });

  it("a connection that fails (a socket that is not there) is exit 2 naming the address", () => {
    const e = Object.assign(new Error("connect ENOENT /tmp/x.sock"), {
      code: "ENOENT",
      syscall: "connect",
      address: "/tmp/x.sock",
    });
    expect(toLabctlError(e)).toMatchObject({
      exitCode: 2,
      code: "UNREACHABLE",
      message: "Cannot connect to /tmp/x.sock: ENOENT.",
    });
  });

  it("anything else is a labctl bug: exit 2, never 1", () => {
    const e = toLabctlError(new TypeError("Cannot read properties of undefined (reading 'x')\n    at y"));
    expect(e).toMatchObject({ exitCode: 2, code: "INTERNAL" });
    expect(e.message).toBe("Unexpected error: TypeError: Cannot read properties of undefined (reading 'x')");
    expect(e.advice).toMatch(/This looks like a labctl bug/);
  });
});
