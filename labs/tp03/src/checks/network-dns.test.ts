import type { ExecResult } from "@labctl/sdk";
import { networkView } from "@labctl/testing";
import { ghostView, healthyExec, IP, mysqlView, OUTPUTS, runCheck } from "../test-support/tp03-fixture";
import { networkDns } from "./network-dns";

describe("network-dns", () => {
  it("passes when each side resolves the other's alias to its address", async () => {
    expect(await runCheck(networkDns)).toEqual({
      status: "pass",
      message: `ghost and mysql resolve each other on tp03-alice-net (mysql=${IP.mysql}, ghost=${IP.ghost})`,
    });
  });

  it("fails when the network is missing or not a bridge", async () => {
    expect((await runCheck(networkDns, { networks: [] })).message).toBe(
      "network tp03-alice-net does not exist",
    );
    const overlay = networkView({ name: OUTPUTS.network, driver: "overlay" });
    expect(await runCheck(networkDns, { networks: [overlay] })).toEqual({
      status: "fail",
      message: "network tp03-alice-net uses driver overlay, not bridge",
    });
  });

  it("fails when a container is off the network or lacks its alias", async () => {
    const onDefault = ghostView({ networks: { bridge: { aliases: [], ipAddress: "172.17.0.2" } } });
    expect(await runCheck(networkDns, { containers: [mysqlView(), onDefault] })).toEqual({
      status: "fail",
      message: "ghost container tp03-alice-ghost is not on network tp03-alice-net (it is on bridge)",
    });
    const noAlias = mysqlView({ networks: { [OUTPUTS.network]: { aliases: ["db"], ipAddress: IP.mysql } } });
    expect((await runCheck(networkDns, { containers: [noAlias, ghostView()] })).message).toBe(
      'mysql container tp03-alice-mysql has no alias "mysql" on tp03-alice-net (aliases: db)',
    );
  });

  it("names the side whose lookup fails", async () => {
    const ghostBlind = (container: string, cmd: string[], opts?: { env?: string[] }): ExecResult =>
      container === OUTPUTS.ghostContainer
        ? { exitCode: 1, stdout: "", stderr: "ENOTFOUND\n" }
        : healthyExec(container, cmd, opts);
    expect(await runCheck(networkDns, { exec: ghostBlind })).toEqual({
      status: "fail",
      message: 'ghost cannot resolve "mysql" on tp03-alice-net: ENOTFOUND',
    });
    const mysqlBlind = (container: string, cmd: string[], opts?: { env?: string[] }): ExecResult =>
      container === OUTPUTS.mysqlContainer
        ? { exitCode: 2, stdout: "", stderr: "" }
        : healthyExec(container, cmd, opts);
    expect((await runCheck(networkDns, { exec: mysqlBlind })).message).toBe(
      'mysql cannot resolve "ghost" on tp03-alice-net: lookup exited with code 2',
    );
  });

  it("fails when an alias resolves to another container", async () => {
    const stray = (container: string, cmd: string[], opts?: { env?: string[] }): ExecResult =>
      container === OUTPUTS.ghostContainer
        ? { exitCode: 0, stdout: "172.20.0.9\n", stderr: "" }
        : healthyExec(container, cmd, opts);
    expect((await runCheck(networkDns, { exec: stray })).message).toBe(
      `ghost resolves "mysql" to 172.20.0.9, but mysql's address on tp03-alice-net is ${IP.mysql}`,
    );
  });
});
