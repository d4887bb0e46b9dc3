import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type EnvironmentSpec, resolveHome } from "@labctl/core";
import { dockerClient, listAll, teardown } from "@labctl/docker";
import { defineLab, type EngineEvent, labelsFor, type ProgramContext, selectorFor } from "@labctl/sdk";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { BUSYBOX_TEST_IMAGE, ensureBusyboxImage } from "../../docker/src/test-support/busybox-test-image";
import { createDockerEngine } from "./index";
import { BOOKKEEPING } from "./object-labels";
import { outputsFile } from "./outputs-file";

const client = dockerClient();
const home = resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-docker-engine-")) });
const engine = createDockerEngine({ home });
const run = `e2e${process.pid}`;
const siteImage = `labctl-test/e2e-site:${run}`;
let greeting = "hello";

/** A throwaway lab: a network with aliases, a volume, a built image, a healthy web server, a client
 * that needs it by alias (dependsOn + wait), and a run-to-completion container. */
function program(ctx: ProgramContext, context: string) {
  const labels = Object.entries(ctx.labels).map(([label, value]) => ({ label, value }));
  const net = new docker.Network("net", { name: ctx.name("net"), labels });
  const data = new docker.Volume("data", { name: ctx.name("data") }); // labels forgotten on purpose
  const busybox = new docker.RemoteImage("busybox", { name: ctx.image("web"), keepLocally: true });
  const site = new docker.Image("site", { imageName: siteImage, build: { context }, skipPush: true });
  const web = new docker.Container("web", {
    name: ctx.name("web"),
    image: site.repoDigest,
    // A slow start: the client only succeeds if it really waits for web to be healthy.
    command: ["sh", "-c", "sleep 2; exec httpd -f -p 8080 -h /www"],
    ports: [{ internal: 8080, external: ctx.port("web"), ip: ctx.bindAddress }],
    networksAdvanced: [{ name: net.name, aliases: ["www"] }],
    volumes: [{ volumeName: data.name, containerPath: "/data" }],
    healthcheck: {
      tests: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/"],
      interval: "500ms",
      retries: 20,
    },
    wait: true,
    waitTimeout: 30,
    labels,
  });
  const app = new docker.Container(
    "app",
    {
      name: ctx.name("app"),
      image: busybox.imageId,
      envs: [pulumi.interpolate`TOKEN=${ctx.secret("token")}`, `GREETING=${greeting}`],
      command: ["sh", "-c", "wget -q -O /tmp/page http://www:8080/ && exec sleep 3600"],
      networksAdvanced: [{ name: net.name }],
      wait: true,
      labels,
    },
    { dependsOn: [web] },
  );
  const hello = new docker.Container("hello", {
    name: ctx.name("hello"),
    image: busybox.imageId,
    command: ["sh", "-c", "echo hello from $WHO; exit 3"],
    envs: [`WHO=${ctx.student.id}`],
    attach: true,
    logs: true,
    mustRun: false,
    labels,
  });
  return {
    url: `http://${ctx.bindAddress}:${ctx.port("web")}/`,
    token: ctx.secret("token"),
    names: { web: web.name, app: app.name },
    hello: { exitCode: hello.exitCode, logs: hello.containerLogs },
  };
}

function labFor(id: string, build: (ctx: ProgramContext) => unknown) {
  return defineLab({
    id,
    title: { en: "engine test", fr: "test du moteur" },
    platform: "docker",
    images: { web: BUSYBOX_TEST_IMAGE },
    ports: ["web"],
    secrets: ["token"],
    program: async () => ({ default: build }),
    checks: [],
    handout: "README.md",
  });
}

function specFor(lab: ReturnType<typeof labFor>, student: string, port: number): EnvironmentSpec {
  const key = { lab: lab.id, student, classId: "default" };
  return {
    lab,
    student: { id: student, name: student },
    classId: "default",
    images: { web: BUSYBOX_TEST_IMAGE },
    ports: { web: port },
    bindAddress: "127.0.0.1",
    secrets: { token: `t0k3n-${run}` },
    labels: labelsFor(key, "0.0.0-test"),
  };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const selector = (spec: EnvironmentSpec) =>
  selectorFor({ lab: spec.lab.id, student: spec.student.id, classId: spec.classId });
const objects = (spec: EnvironmentSpec) => listAll(client, selector(spec));
const containerId = async (name: string) => (await client.getContainer(name).inspect()).Id;

/** Stands for any resource of a provider the docker engine does not have. */
class Namespace extends pulumi.CustomResource {
  constructor(name: string) {
    super("kubernetes:core/v1:Namespace", name, {});
  }
}

let spec: EnvironmentSpec;
let context: string;
const specs: EnvironmentSpec[] = [];

beforeAll(async () => {
  await ensureBusyboxImage(client);
  context = mkdtempSync(join(tmpdir(), "labctl-site-"));
  writeFileSync(join(context, "index.html"), `<h1>site ${run}</h1>\n`);
  writeFileSync(join(context, "Dockerfile"), `FROM ${BUSYBOX_TEST_IMAGE}\nCOPY index.html /www/index.html\n`);
  spec = specFor(
    labFor("e2edock", (ctx) => program(ctx, context)),
    run,
    await freePort(),
  );
  specs.push(spec);
});

afterAll(async () => {
  for (const s of specs) await teardown(client, selector(s)).catch(() => undefined);
  await client
    .getImage(siteImage)
    .remove()
    .catch(() => undefined);
  rmSync(home.root, { recursive: true, force: true });
  rmSync(context, { recursive: true, force: true });
});

describe("docker engine", () => {
  it("previews creations without creating anything", async () => {
    const { changes } = await engine.preview(spec);
    const actions = Object.fromEntries(changes.map((c) => [c.name, c.action]));
    expect(actions).toMatchObject({
      net: "create",
      data: "create",
      site: "create",
      web: "create",
      app: "create",
      hello: "create",
    });
    expect(actions.busybox).toBe("same");
    expect(await objects(spec)).toEqual([]);
  });

  it("creates labelled objects in dependency order and returns resolved outputs", async () => {
    const events: EngineEvent[] = [];
    const { outputs, changes } = await engine.up(spec, { onEvent: (e) => events.push(e) });
    expect(changes.filter((c) => c.action !== "create").map((c) => c.name)).toEqual(["busybox"]);

    const found = await objects(spec);
    expect(found.map((o) => `${o.kind}:${o.labels[BOOKKEEPING.resource]}`).sort()).toEqual(
      ["container:app", "container:hello", "container:web", "network:net", "volume:data"].sort(),
    );
    for (const object of found) {
      expect(object.labels).toMatchObject({
        ...spec.labels,
        [BOOKKEEPING.spec]: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
    }
    const web = await client.getContainer(`e2edock-${run}-web`).inspect();
    expect(web.State.Health?.Status).toBe("healthy");
    expect(web.HostConfig.PortBindings).toEqual({
      "8080/tcp": [{ HostIp: "127.0.0.1", HostPort: String(spec.ports.web) }],
    });
    expect(web.NetworkSettings.Networks[`e2edock-${run}-net`]?.Aliases).toContain("www");

    const resourceEvents = events.filter((e) => e.kind === "resource").map((e) => `${e.phase} ${e.name}`);
    expect(resourceEvents.indexOf("start app")).toBeGreaterThan(resourceEvents.indexOf("done web"));
    expect((await client.getContainer(`e2edock-${run}-app`).inspect()).State.Running).toBe(true);

    expect(outputs).toEqual({
      url: `http://127.0.0.1:${spec.ports.web}/`,
      token: `t0k3n-${run}`,
      names: { web: `e2edock-${run}-web`, app: `e2edock-${run}-app` },
      hello: { exitCode: 3, logs: `hello from ${run}\n` },
    });
    const page = await fetch(outputs.url as string).then((r) => r.text());
    expect(page).toContain(`site ${run}`);
    expect(statSync(outputsFile(home, spec)).mode & 0o777).toBe(0o600);
    await expect(engine.outputs(spec)).resolves.toEqual(outputs);
  });

  it("keeps every object on a second up", async () => {
    const before = await containerId(`e2edock-${run}-web`);
    const { changes } = await engine.up(spec);
    expect(changes.every((c) => c.action === "same")).toBe(true);
    expect(await containerId(`e2edock-${run}-web`)).toBe(before);
  });

  it("replaces only the container whose environment changed", async () => {
    const web = await containerId(`e2edock-${run}-web`);
    const app = await containerId(`e2edock-${run}-app`);
    greeting = "bonjour";
    const preview = await engine.preview(spec);
    expect(preview.changes.filter((c) => c.action !== "same")).toEqual([
      { action: "replace", type: "docker:index/container:Container", name: "app" },
    ]);
    const { changes } = await engine.up(spec);
    expect(changes.filter((c) => c.action !== "same").map((c) => `${c.action} ${c.name}`)).toEqual([
      "replace app",
    ]);
    expect(await containerId(`e2edock-${run}-web`)).toBe(web);
    expect(await containerId(`e2edock-${run}-app`)).not.toBe(app);
    const env = (await client.getContainer(`e2edock-${run}-app`).inspect()).Config.Env;
    expect(env).toContain("GREETING=bonjour");
  });

  it("refuses a program with a type it cannot create before creating anything", async () => {
    const other = specFor(
      labFor("e2edock", (ctx) => {
        new docker.Network("net", { name: ctx.name("net") });
        new Namespace("ns");
        return {};
      }),
      `${run}-k8s`,
      await freePort(),
    );
    specs.push(other);
    await expect(engine.up(other)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining("kubernetes:core/v1:Namespace"),
      advice: expect.stringContaining("--engine pulumi"),
    });
    expect(await objects(other)).toEqual([]);
  });

  it("fails on a container that never gets healthy, with its health report", async () => {
    const sick = specFor(
      labFor("e2edock", (ctx) => {
        new docker.Container("sick", {
          name: ctx.name("sick"),
          image: ctx.image("web"),
          command: ["sh", "-c", "echo starting; exec sleep 3600"],
          healthcheck: { tests: ["CMD-SHELL", "echo db not ready; false"], interval: "500ms", retries: 1 },
          wait: true,
          waitTimeout: 3,
        });
        return {};
      }),
      `${run}-sick`,
      await freePort(),
    );
    specs.push(sick);
    await expect(engine.up(sick)).rejects.toThrow(
      /was not healthy after 3s[\s\S]*db not ready[\s\S]*starting/,
    );
    await engine.down(sick);
  });

  it("removes every labelled object on down, strays included, even without local state", async () => {
    await client.createVolume({ Name: `e2edock-${run}-stray`, Labels: selector(spec) });
    await engine.down(spec); // forget the outputs file, then prove down still finds everything
    await engine.up(spec);
    await client.createVolume({ Name: `e2edock-${run}-stray`, Labels: selector(spec) });
    const { rm } = await import("node:fs/promises");
    await rm(outputsFile(home, spec));
    // Without the file, outputs are recomputed from the program and the objects found.
    await expect(engine.outputs(spec)).resolves.toMatchObject({
      token: `t0k3n-${run}`,
      hello: { exitCode: 3 },
    });
    const { removed } = await engine.down(spec);
    expect(removed.map((r) => r.name)).toEqual(
      expect.arrayContaining(["web", "app", "hello", "net", "data", `e2edock-${run}-stray`]),
    );
    expect(await objects(spec)).toEqual([]);
    await expect(engine.outputs(spec)).resolves.toBeUndefined();
  });
});
