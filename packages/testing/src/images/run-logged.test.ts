import { mkdtemp, readFile } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { Readable } from "node:stream";
import { runLogged } from "./run-logged";

const logFile = async () => path.join(await mkdtemp(path.join(os.tmpdir(), "labctl-run-")), "x.log");

describe("runLogged", () => {
  it("writes the command line and its output to the log", async () => {
    const file = await logFile();
    await runLogged("sh", ["-c", "echo out; echo err >&2"], { logFile: file });
    expect(await readFile(file, "utf8")).toBe("$ sh -c echo out; echo err >&2\nout\nerr\n");
  });

  it("feeds stdin from a stream", async () => {
    const file = await logFile();
    await runLogged("cat", [], { logFile: file, stdin: Readable.from(["piped\n"]) });
    expect(await readFile(file, "utf8")).toContain("piped\n");
  });

  it("rejects with the exit code, the log path and the last lines", async () => {
    const file = await logFile();
    await expect(runLogged("sh", ["-c", "echo broken step; exit 3"], { logFile: file })).rejects.toThrow(
      new RegExp(`\`sh -c\` failed \\(3\\); full output in ${file}:\\n[^]*broken step`),
    );
  });

  it("rejects when the command does not exist", async () => {
    await expect(runLogged("labctl-no-such-command", [], { logFile: await logFile() })).rejects.toThrow(
      /ENOENT/,
    );
  });
});
