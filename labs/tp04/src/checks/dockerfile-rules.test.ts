import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OUTPUTS, runCheck } from "../test-support/tp04-fixture";
import { dockerfileRules } from "./dockerfile-rules";

/** A copy of the reference app folder whose Dockerfile went through `edit`. */
function variant(edit: (dockerfile: string) => string): { appDir: string; dockerfile: string } {
  const appDir = mkdtempSync(join(tmpdir(), "tp04-rules-"));
  cpSync(OUTPUTS.appDir, appDir, { recursive: true });
  const dockerfile = join(appDir, "Dockerfile");
  writeFileSync(dockerfile, edit(readFileSync(dockerfile, "utf8")));
  return { appDir, dockerfile };
}

const check = (paths: { appDir: string; dockerfile: string }) =>
  runCheck(dockerfileRules, { outputs: { ...OUTPUTS, ...paths } });

describe("dockerfile-rules", () => {
  it("passes on the lab's reference Dockerfile, naming every rule", async () => {
    expect(await runCheck(dockerfileRules)).toEqual({
      status: "pass",
      message:
        "all 7 rules hold: multi-stage build, USER before ENTRYPOINT/CMD, HEALTHCHECK, exec-form ENTRYPOINT, no ADD of remote URLs, pinned base image tags, .dockerignore",
    });
  });

  it("names each broken rule as its own finding", async () => {
    const paths = variant((text) =>
      text
        .replace(/^USER .*$/m, "")
        .replace(/^HEALTHCHECK[^\n]*\\\n[^\n]*\n/m, "")
        .replace("ARG RUNTIME_IMAGE=debian:bookworm-slim", "ARG RUNTIME_IMAGE=debian"),
    );
    const result = await check(paths);
    expect(result.status).toBe("fail");
    expect(result.message).toBe(
      `3 of 7 rules broken in ${paths.dockerfile}: [user] no USER in the final stage: the app runs as root; [healthcheck] no HEALTHCHECK in the final stage; [pinned-from] FROM debian (line 15) has no tag, which means latest`,
    );
  });

  it("fails without a .dockerignore", async () => {
    const paths = variant((text) => text);
    rmSync(join(paths.appDir, ".dockerignore"));
    expect((await check(paths)).message).toBe(
      `1 of 7 rules broken in ${paths.dockerfile}: [dockerignore] no .dockerignore: the whole folder is sent to the daemon`,
    );
  });

  it("fails when the Dockerfile cannot be read", async () => {
    const result = await check({ appDir: "/nonexistent", dockerfile: "/nonexistent/Dockerfile" });
    expect(result).toEqual({
      status: "fail",
      message: "cannot read the Dockerfile /nonexistent/Dockerfile (ENOENT)",
    });
  });
});
