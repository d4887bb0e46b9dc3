import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkOutputDir, checkOutputFile } from "./output-paths";

// As root every folder is writable; a read-only mount is what remains, simulated here.
jest.mock("node:fs", () => ({
  ...jest.requireActual("node:fs"),
  accessSync: () => {
    throw Object.assign(new Error("EROFS: read-only file system, access"), { code: "EROFS" });
  },
}));

describe("output paths in a read-only place", () => {
  it("--markdown in a folder that cannot be written is exit 64, before anything runs", () => {
    expect(() => checkOutputFile("--markdown", join(tmpdir(), "summary.md"))).toThrow(
      expect.objectContaining({
        exitCode: 64,
        message: `--markdown ${join(tmpdir(), "summary.md")} cannot be written (no permission or a read-only file system).`,
      }),
    );
  });

  it("--out likewise", () => {
    expect(() => checkOutputDir("--out", join(tmpdir(), "report"))).toThrow(
      expect.objectContaining({ exitCode: 64, message: expect.stringContaining("is not writable") }),
    );
  });
});
