import { E2eEnvironment, statuses } from "@labctl/testing";
import { siteTitle } from "./checks/wordpress-install";
import lab from "./index";
import type { Tp05Outputs } from "./outputs";
import { replaceContainer } from "./test-support/replace-container";

// tp05 on the real Docker engine with labctl's docker engine and the stand-in images (Debian's
// WordPress + Apache + PHP, Debian's MariaDB): up -> every check passes, the deep installation
// included -> break one thing per check -> that check fails naming the cause -> up repairs what
// was replaced by hand -> down -> nothing labelled is left.
const env = new E2eEnvironment(lab, "e2e-tp05", { portBase: 23000 });
const quick = { checkTimeoutMs: 8_000, retryIntervalMs: 1_000 };
const settle = { checkTimeoutMs: 90_000 };
let outputs: Tp05Outputs;

/** Runs SQL as root in MariaDB; the root password stays in the container's environment. */
async function rootSql(sql: string): Promise<number> {
  const run = await env.docker.getContainer(outputs.mariadbContainer).exec({
    Cmd: ["sh", "-c", 'MYSQL_PWD="$MYSQL_ROOT_PASSWORD" mariadb -uroot wordpress -e "$SQL"'],
    Env: [`SQL=${sql}`],
    AttachStdout: true,
    AttachStderr: true,
  });
  const stream = await run.start({ hijack: true, stdin: false });
  await new Promise((resolve) => stream.on("end", resolve).resume());
  return (await run.inspect()).ExitCode ?? -1;
}

const check = async (id: string, opts: Parameters<typeof env.verify>[0] = quick) =>
  (await env.verify(opts)).checks.find((c) => c.id === id);

/** `labctl up` puts back what was replaced by hand, and everything passes again. */
async function repair(name: string): Promise<void> {
  const summary = await env.up();
  expect(summary.changes).toContainEqual(expect.objectContaining({ name, action: "replace" }));
  const report = await env.verify(settle);
  expect(report.checks.filter((c) => c.status !== "pass")).toEqual([]);
}

describe("tp05 on the real engine", () => {
  afterAll(async () => {
    await env.down().catch(() => undefined);
  });

  it("comes up, and every check passes, the deep installation included", async () => {
    const summary = await env.up();
    outputs = summary.outputs as Tp05Outputs;
    expect(outputs.wordpressUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const report = await env.verify({ ...settle, deep: true });
    expect(report.checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(report.earned).toBe(report.total);
    expect(report.checks.find((c) => c.id === "wordpress-install")?.message).toBe(
      `installed WordPress over HTTP as e2e-tp05; database wordpress holds its title "${siteTitle("e2e-tp05")}"`,
    );
  });

  it("up again changes nothing, and the installed site still passes", async () => {
    const summary = await env.up();
    expect(summary.changes.filter((c) => c.action !== "same" && c.action !== "read")).toEqual([]);
    const report = await env.verify({ ...quick, deep: true });
    expect(statuses(report)).toMatchObject({ "wordpress-http": "pass", "wordpress-install": "pass" });
    expect(report.checks.find((c) => c.id === "wordpress-install")?.message).toContain("already installed");
  });

  it("a database password WordPress does not know fails wordpress-db with WordPress's error", async () => {
    expect(await rootSql("ALTER USER 'wordpress'@'%' IDENTIFIED BY 'not-the-generated-one'")).toBe(0);
    const db = await check("wordpress-db");
    expect(db?.status).toBe("fail");
    expect(db?.message).toContain('"Error establishing a database connection"');
    expect(await rootSql(`ALTER USER 'wordpress'@'%' IDENTIFIED BY '${outputs.dbPassword}'`)).toBe(0);
    expect((await check("wordpress-db"))?.status).toBe("pass");
  });

  it("WordPress run with root's credentials fails db-variables; up repairs it", async () => {
    await replaceContainer(env.docker, outputs.wordpressContainer, (o) => {
      o.Env = (o.Env ?? [])
        .filter((e) => !/^WORDPRESS_DB_(USER|PASSWORD)=/.test(e))
        .concat("WORDPRESS_DB_USER=root", `WORDPRESS_DB_PASSWORD=${outputs.dbRootPassword}`);
    });
    const variables = await check("db-variables");
    expect(variables).toMatchObject({
      status: "fail",
      message:
        "WORDPRESS_DB_USER does not match MYSQL_USER (root vs wordpress); WORDPRESS_DB_PASSWORD does not match MYSQL_PASSWORD",
    });
    await repair("wordpress");
  });

  it("WordPress without its wp-content volume fails volumes; up repairs it", async () => {
    await replaceContainer(env.docker, outputs.wordpressContainer, (o) => {
      if (o.HostConfig) o.HostConfig.Binds = [];
    });
    expect(await check("volumes")).toMatchObject({
      status: "fail",
      message: `nothing is mounted at /var/www/html/wp-content in ${outputs.wordpressContainer}`,
    });
    await repair("wordpress");
  });

  it("MariaDB published on the host fails mariadb-not-published; up repairs it", async () => {
    await replaceContainer(env.docker, outputs.mariadbContainer, (o) => {
      o.ExposedPorts = { "3306/tcp": {} };
      if (o.HostConfig)
        o.HostConfig.PortBindings = { "3306/tcp": [{ HostIp: "127.0.0.1", HostPort: "45090" }] };
    });
    // A failing check retries until its deadline: long enough for the new MariaDB to turn healthy.
    const published = await check("mariadb-not-published", {
      checkTimeoutMs: 25_000,
      retryIntervalMs: 1_000,
    });
    expect(published).toMatchObject({
      status: "fail",
      message: "MariaDB is published on the host: 127.0.0.1:45090->3306/tcp",
    });
    await repair("mariadb");
  });

  it("a site title missing from the database fails the deep wordpress-install", async () => {
    expect(await rootSql("DELETE FROM wp_options WHERE option_name = 'blogname'")).toBe(0);
    const install = await check("wordpress-install", { ...quick, deep: true });
    expect(install).toMatchObject({
      status: "fail",
      message: "no blogname in wordpress.wp_options: WordPress keeps its settings somewhere else",
    });
  });

  it("stopping WordPress fails wordpress-http, naming the network error", async () => {
    await env.docker.getContainer(outputs.wordpressContainer).stop({ t: 2 });
    const http = await check("wordpress-http");
    expect(http?.status).toBe("fail");
    expect(http?.message).toMatch(/^WordPress does not answer on http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
  });

  it("stopping MariaDB fails mariadb-running and skips what needs it", async () => {
    await env.docker.getContainer(outputs.mariadbContainer).stop({ t: 5 });
    const report = await env.verify(quick);
    expect(report.checks.find((c) => c.id === "mariadb-running")?.message).toMatch(/is exited/);
    expect(statuses(report)).toMatchObject({
      "wordpress-http": "skipped",
      "wordpress-db": "skipped",
      "mariadb-not-published": "skipped",
    });
  });

  it("down leaves no labelled container, network or volume", async () => {
    const summary = await env.down();
    expect(summary.removed.length).toBeGreaterThanOrEqual(5);
    expect(await env.leftovers()).toEqual([]);
  });
});
