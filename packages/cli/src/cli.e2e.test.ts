import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./test-support/run-cli";

// The student's tour through the built CLI, on the real engine with the docker engine and the
// stand-in image map: up -> Ghost answers on its published port -> verify passes -> down.
const home = join(mkdtempSync(join(tmpdir(), "labctl-cli-e2e-")), "home");
mkdirSync(home, { recursive: true });
writeFileSync(join(home, "config.yaml"), "engine: docker\nportBase: 25000\n");
const env = { LABCTL_IMAGE_MAP: process.env.LABCTL_TEST_IMAGE_MAP ?? "", LABCTL_ENGINE: "" };
const cli = (...args: string[]) => runCli([...args, "--student", "e2e-cli"], env, home);

describe("labctl up / verify / down tp03 --engine docker", () => {
  afterAll(() => cli("down", "tp03"));

  it("verify before up is inconclusive (exit 2) and says to run up first", () => {
    const verify = cli("verify", "tp03");
    expect(verify.status).toBe(2);
    expect(verify.stderr).toContain("tp03 is not up for e2e-cli");
    expect(verify.stderr).toContain("labctl up tp03");
  });

  it("preview before up lists what up would create, and creates nothing", () => {
    const run = cli("preview", "tp03", "--json");
    expect(run.status).toBe(0);
    const { changes } = JSON.parse(run.stdout);
    expect(
      changes.filter((c: { action: string }) => c.action === "create").map((c: { name: string }) => c.name),
    ).toEqual(expect.arrayContaining(["network", "mysql-data", "mysql", "ghost"]));
  });

  it("up publishes Ghost on the student's port and hides secrets", async () => {
    const up = cli("up", "tp03", "--json");
    expect(up.stderr).not.toMatch(/Error/);
    expect(up.status).toBe(0);
    const summary = JSON.parse(up.stdout);
    expect(summary).toMatchObject({
      lab: "tp03",
      student: "e2e-cli",
      engine: "docker",
      ports: { ghost: 25000 },
    });
    expect(summary.outputs.mysqlPassword).toBe("[secret]");
    expect(summary.outputs.ghostUrl).toBe("http://127.0.0.1:25000");
  });

  it("preview after up changes nothing", () => {
    const { changes } = JSON.parse(cli("preview", "tp03", "--json").stdout);
    expect(changes.filter((c: { action: string }) => !["same", "read"].includes(c.action))).toEqual([]);
  });

  it("verify passes every check (exit 0) and writes JUnit", () => {
    const junit = join(home, "junit.xml");
    const verify = cli("verify", "tp03", "--timeout", "180", "--junit", junit);
    expect(verify.stdout).toContain("PASS: 15/15 points");
    expect(verify.status).toBe(0);
  });

  it("Ghost answers 200 on its published port", async () => {
    const res = await fetch("http://127.0.0.1:25000/");
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/ghost/i);
  });

  it("verify exits 1 when a check fails", async () => {
    const Docker = (await import("dockerode")).default;
    await new Docker().getContainer("tp03-e2e-cli-ghost").stop({ t: 2 });
    const verify = cli("verify", "tp03", "--timeout", "3", "--json");
    expect(verify.status).toBe(1);
    const result = JSON.parse(verify.stdout);
    expect(result.status).toBe("fail");
    expect(result.reports[0].checks.find((c: { id: string }) => c.id === "ghost-http").status).toBe("fail");
  });

  it("down removes every labelled object", async () => {
    const down = cli("down", "tp03", "--json");
    expect(down.status).toBe(0);
    const Docker = (await import("dockerode")).default;
    const filters = { label: ["dev.labctl.student=e2e-cli"] };
    const docker = new Docker();
    expect(await docker.listContainers({ all: true, filters })).toEqual([]);
    expect(await docker.listNetworks({ filters })).toEqual([]);
    expect((await docker.listVolumes({ filters })).Volumes ?? []).toEqual([]);
  });
});

describe("labctl gc finds environments by label when their state is lost", () => {
  const gcHome = join(mkdtempSync(join(tmpdir(), "labctl-gc-e2e-")), "home");
  mkdirSync(gcHome, { recursive: true });
  writeFileSync(join(gcHome, "config.yaml"), "engine: docker\nportBase: 25500\n");
  const gcCli = (...args: string[]) => runCli(args, env, gcHome);

  it("keeps known environments and removes strays", async () => {
    expect(gcCli("up", "tp03", "--student", "e2e-gc").status).toBe(0);
    const known = JSON.parse(gcCli("gc", "--dry-run", "--json").stdout);
    expect(known.groups.find((g: { student: string }) => g.student === "e2e-gc")).toMatchObject({
      stray: false,
    });

    rmSync(join(gcHome, "envs"), { recursive: true, force: true }); // state lost
    const dry = JSON.parse(gcCli("gc", "--dry-run", "--json").stdout);
    expect(dry.groups.find((g: { student: string }) => g.student === "e2e-gc")).toMatchObject({
      stray: true,
      lab: "tp03",
    });
    expect(dry.removed).toEqual([]);

    const run = gcCli("gc", "--json");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).removed.length).toBeGreaterThanOrEqual(4);
    const Docker = (await import("dockerode")).default;
    const filters = { label: ["dev.labctl.student=e2e-gc"] };
    expect(await new Docker().listContainers({ all: true, filters })).toEqual([]);
    expect((await new Docker().listVolumes({ filters })).Volumes ?? []).toEqual([]);
  });
});
