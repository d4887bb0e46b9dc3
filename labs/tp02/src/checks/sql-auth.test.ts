import type { ExecResult } from "@labctl/sdk";
import { OUTPUTS, runCheck } from "../test-support/tp02-fixture";
import { sqlAuth } from "./sql-auth";

describe("sql-auth", () => {
  it("passes when root logs in with the generated password, through the mariadb client", async () => {
    const seen: string[][] = [];
    const exec = (_container: string, cmd: string[], opts?: { env?: string[] }): ExecResult => {
      seen.push([...cmd, ...(opts?.env ?? [])]);
      return { exitCode: 0, stdout: "root@%\ttp02\n", stderr: "" };
    };
    expect(await runCheck(sqlAuth, { exec })).toEqual({
      status: "pass",
      message: "root logs in with the generated password (as root@%) and uses database tp02",
    });
    expect(seen[0]?.[0]).toBe("mariadb");
    expect(seen[0]).toContain(`MYSQL_PWD=${OUTPUTS.rootPassword}`);
    expect(seen[0]).toContain("tp02");
  });

  it("fails with MariaDB's error when the password is refused", async () => {
    const result = await runCheck(sqlAuth, { outputs: { ...OUTPUTS, rootPassword: "stale" } });
    expect(result).toEqual({
      status: "fail",
      message:
        "root cannot use database tp02: ERROR 1045 (28000): Access denied for user 'root'@'127.0.0.1' (using password: YES)",
    });
  });

  it("fails when the database does not exist", async () => {
    const exec = (): ExecResult => ({
      exitCode: 1,
      stdout: "",
      stderr: "ERROR 1049 (42000): Unknown database 'tp02'\n",
    });
    expect((await runCheck(sqlAuth, { exec })).message).toBe(
      "root cannot use database tp02: ERROR 1049 (42000): Unknown database 'tp02'",
    );
  });
});
