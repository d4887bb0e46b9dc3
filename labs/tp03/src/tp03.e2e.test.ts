import { E2eEnvironment, statuses } from "@labctl/testing";
import lab from "./index";
import type { Tp03Outputs } from "./outputs";

// tp03 on the real Docker engine with labctl's docker engine and the stand-in images:
// up -> every check passes -> break one thing at a time -> the matching check fails with a
// message naming the cause, its dependants are skipped -> down -> nothing labelled is left.
const env = new E2eEnvironment(lab, "e2e-tp03");
const quick = { checkTimeoutMs: 8_000, retryIntervalMs: 1_000 };
let outputs: Tp03Outputs;

const exec = async (container: string, cmd: string[]) => {
  const run = await env.docker
    .getContainer(container)
    .exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await run.start({ hijack: true, stdin: false });
  await new Promise((resolve) => stream.on("end", resolve).resume());
  return (await run.inspect()).ExitCode;
};

describe("tp03 on the real engine", () => {
  afterAll(async () => {
    await env.down().catch(() => undefined);
  });

  it("comes up, and every check passes", async () => {
    const summary = await env.up();
    outputs = summary.outputs as Tp03Outputs;
    expect(outputs.ghostUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const report = await env.verify({ checkTimeoutMs: 180_000 });
    expect(report.checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(report.status).toBe("pass");
    expect(report.earned).toBe(report.total);
  });

  it("up again changes nothing", async () => {
    const summary = await env.up();
    expect(summary.changes.filter((c) => c.action !== "same" && c.action !== "read")).toEqual([]);
  });

  it("a wrong database password fails ghost-schema and names the cause", async () => {
    const sql = `ALTER USER '${outputs.mysqlUser}'@'%' IDENTIFIED BY 'not-the-generated-one'`;
    expect(
      await exec(outputs.mysqlContainer, [
        "sh",
        "-c",
        `MYSQL_PWD="$MYSQL_ROOT_PASSWORD" mysql -uroot -e "${sql}"`,
      ]),
    ).toBe(0);
    const report = await env.verify(quick);
    const schema = report.checks.find((c) => c.id === "ghost-schema");
    expect(schema?.status).toBe("fail");
    expect(schema?.message).toMatch(/denied|password/i);
    const restore = `ALTER USER '${outputs.mysqlUser}'@'%' IDENTIFIED BY '${outputs.mysqlPassword}'`;
    expect(
      await exec(outputs.mysqlContainer, [
        "sh",
        "-c",
        `MYSQL_PWD="$MYSQL_ROOT_PASSWORD" mysql -uroot -e "${restore}"`,
      ]),
    ).toBe(0);
  });

  it("Ghost off the network fails network-dns and says which side", async () => {
    await env.docker.getNetwork(outputs.network).disconnect({ Container: outputs.ghostContainer });
    const report = await env.verify(quick);
    const dns = report.checks.find((c) => c.id === "network-dns");
    expect(dns?.status).toBe("fail");
    expect(dns?.message).toContain("ghost");
    await env.docker
      .getNetwork(outputs.network)
      .connect({ Container: outputs.ghostContainer, EndpointConfig: { Aliases: ["ghost"] } });
    expect(statuses(await env.verify(quick))["network-dns"]).toBe("pass");
  });

  it("stopping MySQL fails mysql-running and skips what needs it", async () => {
    await env.docker.getContainer(outputs.mysqlContainer).stop({ t: 5 });
    const report = await env.verify(quick);
    const running = report.checks.find((c) => c.id === "mysql-running");
    expect(running?.status).toBe("fail");
    expect(running?.message).toMatch(/exited|not running|stopped/i);
    expect(statuses(report)).toMatchObject({
      "ghost-http": "skipped",
      "ghost-schema": "skipped",
      "network-dns": "skipped",
    });
    expect(report.status).toBe("fail");
  });

  it("down leaves no labelled container, network or volume", async () => {
    const summary = await env.down();
    expect(summary.removed.length).toBeGreaterThanOrEqual(4);
    expect(await env.leftovers()).toEqual([]);
  });
});
