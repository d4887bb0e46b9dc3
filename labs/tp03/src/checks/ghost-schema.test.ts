import type { ExecResult } from "@labctl/sdk";
import { healthyExec, OUTPUTS, runCheck } from "../test-support/tp03-fixture";
import { ghostSchema } from "./ghost-schema";

describe("ghost-schema", () => {
  it("passes when Ghost's tables are readable with the generated credentials", async () => {
    expect(await runCheck(ghostSchema)).toEqual({
      status: "pass",
      message: "database ghost holds Ghost's tables (posts, settings, users)",
    });
  });

  it("fails naming the missing tables", async () => {
    const exec = (): ExecResult => ({ exitCode: 0, stdout: "settings\n", stderr: "" });
    expect(await runCheck(ghostSchema, { exec })).toEqual({
      status: "fail",
      message: "Ghost's tables are missing from database ghost: posts, users",
    });
  });

  it("fails with MySQL's error when the credentials are refused", async () => {
    const result = await runCheck(ghostSchema, {
      outputs: { ...OUTPUTS, mysqlPassword: "stale" },
      exec: healthyExec,
    });
    expect(result).toEqual({
      status: "fail",
      message:
        "cannot query database ghost as ghost: ERROR 1045 (28000): Access denied for user 'ghost'@'localhost' (using password: YES)",
    });
  });

  it("is an error when the exec cannot run", async () => {
    const exec = () => {
      throw new Error("(HTTP code 409) container is not running");
    };
    expect(await runCheck(ghostSchema, { exec })).toMatchObject({
      status: "error",
      message: expect.stringContaining("container is not running"),
    });
  });
});
