import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { E2eEnvironment, statuses } from "@labctl/testing";
import type Dockerode from "dockerode";
import lab from "./index";
import type { Tp02Outputs } from "./outputs";

// tp02 on the real Docker engine with labctl's docker engine and the stand-in images:
// up -> every check passes, the deep one too -> break one thing at a time -> the matching
// check fails with a message naming the cause -> down -> nothing labelled is left.
const env = new E2eEnvironment(lab, "e2e-tp02", { portBase: 21000 });
const quick = { checkTimeoutMs: 5_000, retryIntervalMs: 1_000 };
const scratch = mkdtempSync(join(tmpdir(), "tp02-e2e-"));
let outputs: Tp02Outputs;

const sh = async (container: string, script: string) => {
  const run = await env.docker
    .getContainer(container)
    .exec({ Cmd: ["sh", "-c", script], AttachStdout: true, AttachStderr: true });
  const stream = await run.start({ hijack: true, stdin: false });
  await new Promise((resolve) => stream.on("end", resolve).resume());
  return (await run.inspect()).ExitCode;
};

const outcome = async (id: string, opts: object = quick) =>
  (await env.verify(opts)).checks.find((c) => c.id === id);

/**
 * Replaces a container by a hand-made one: same name, image, environment and labels, except
 * labctl's spec hash, so the next `up` puts the declared one back.
 */
async function replaceContainer(
  name: string,
  hostConfig: (host: Dockerode.HostConfig) => Dockerode.HostConfig,
) {
  const old = env.docker.getContainer(name);
  const info = await old.inspect();
  await old.remove({ force: true, v: true });
  const { "dev.labctl.spec": _spec, ...labels } = info.Config.Labels;
  const { Hostname: _hostname, ...config } = info.Config;
  const created = await env.docker.createContainer({
    ...config,
    name,
    Labels: labels,
    HostConfig: hostConfig(info.HostConfig),
  });
  await created.start();
  return created;
}

async function healthy(container: Dockerode.Container) {
  for (let i = 0; i < 180; i++) {
    if ((await container.inspect()).State.Health?.Status === "healthy") return;
    await sleep(1000);
  }
  throw new Error("the replacement database never turned healthy");
}

describe("tp02 on the real engine", () => {
  afterAll(async () => {
    await env.down().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  });

  it("comes up, and every check passes, persistence included", async () => {
    const summary = await env.up();
    outputs = summary.outputs as Tp02Outputs;
    expect(outputs.webRoot).toBe(join(env.home.envsDir, "e2e", "tp02", "e2e-tp02", "data", "www"));
    const db = env.docker.getContainer(outputs.dbContainer);
    const before = (await db.inspect()).Id;
    const report = await env.verify({ deep: true, checkTimeoutMs: 180_000 });
    expect(report.checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(report.earned).toBe(report.total);
    expect(report.checks.find((c) => c.id === "persistence")?.message).toContain(
      `${outputs.dbContainer}-replica`,
    );
    // The copy is gone and the original runs again, same container: an engine's state still holds.
    const after = await db.inspect();
    expect(after.Id).toBe(before);
    expect(after.State.Running).toBe(true);
    const copies = await env.docker.listContainers({
      all: true,
      filters: { name: [`${outputs.dbContainer}-replica`] },
    });
    expect(copies).toEqual([]);
  });

  it("up again changes nothing after the deep check", async () => {
    const summary = await env.up();
    expect(summary.changes.filter((c) => c.action !== "same" && c.action !== "read")).toEqual([]);
  });

  it("a changed root password fails sql-auth with MariaDB's error", async () => {
    const alter = (password: string) =>
      `MYSQL_PWD="$MARIADB_ROOT_PASSWORD" mariadb -uroot -e "ALTER USER 'root'@'%' IDENTIFIED BY '${password}'"`;
    expect(await sh(outputs.dbContainer, alter("not-the-generated-one"))).toBe(0);
    const auth = await outcome("sql-auth");
    expect(auth?.status).toBe("fail");
    expect(auth?.message).toContain("Access denied for user 'root'");
    expect(await sh(outputs.dbContainer, alter(outputs.rootPassword))).toBe(0);
    expect((await outcome("sql-auth"))?.status).toBe("pass");
  });

  it("a page changed on the host is served at once, and fails web-content", async () => {
    const index = join(outputs.webRoot, "index.html");
    const original = readFileSync(index, "utf8");
    writeFileSync(index, "<h1>changed on the host</h1>\n");
    const content = await outcome("web-content");
    expect(content?.status).toBe("fail");
    expect(content?.message).toContain(`not with the page labctl wrote in ${outputs.webRoot}`);
    writeFileSync(index, original);
    expect((await outcome("web-content"))?.status).toBe("pass");
  });

  it("nginx on a copy of the web root fails web-root-mount only; up puts it back", async () => {
    const copy = join(scratch, "www");
    cpSync(outputs.webRoot, copy, { recursive: true });
    chmodSync(copy, 0o755);
    await replaceContainer(outputs.webContainer, (host) => ({
      ...host,
      Binds: [`${copy}:/usr/share/nginx/html:ro`],
    }));
    const report = await env.verify(quick);
    const mount = report.checks.find((c) => c.id === "web-root-mount");
    expect(mount?.status).toBe("fail");
    expect(mount?.message).toBe(
      `/usr/share/nginx/html is a bind mount of ${copy}, not of ${outputs.webRoot}`,
    );
    expect(statuses(report)["web-content"]).toBe("pass");
    await env.up();
    expect((await outcome("web-root-mount"))?.status).toBe("pass");
  });

  it("MariaDB on a tmpfs fails data-volume and persistence; up puts the volume back", async () => {
    const db = await replaceContainer(outputs.dbContainer, (host) => ({
      ...host,
      Binds: [],
      Mounts: [{ Type: "tmpfs", Target: "/var/lib/mysql", Source: "" }],
    }));
    await healthy(db);
    const report = await env.verify({ ...quick, deep: true });
    const volume = report.checks.find((c) => c.id === "data-volume");
    expect(volume?.status).toBe("fail");
    expect(volume?.message).toBe(`/var/lib/mysql is a tmpfs mount, not the volume ${outputs.volume}`);
    const persisted = report.checks.find((c) => c.id === "persistence");
    expect(persisted?.status).toBe("fail");
    expect(persisted?.message).toMatch(/lacks the marker row .*does not keep its data/);
    expect(persisted?.attempts).toBe(1);
    await env.up();
    const back = await env.verify({ checkTimeoutMs: 60_000 });
    expect(statuses(back)).toMatchObject({ "data-volume": "pass", "sql-auth": "pass" });
  });

  it("stopping MariaDB fails db-running and skips what needs it", async () => {
    await env.docker.getContainer(outputs.dbContainer).stop({ t: 10 });
    const report = await env.verify({ ...quick, deep: true });
    const running = report.checks.find((c) => c.id === "db-running");
    expect(running?.status).toBe("fail");
    expect(running?.message).toMatch(/is exited/);
    expect(statuses(report)).toMatchObject({ "sql-auth": "skipped", persistence: "skipped" });
  });

  it("down leaves no labelled container or volume, and removes the web root", async () => {
    const summary = await env.down();
    expect(summary.removed.length).toBeGreaterThanOrEqual(3);
    expect(await env.leftovers()).toEqual([]);
    expect(existsSync(outputs.webRoot)).toBe(false);
  });
});
