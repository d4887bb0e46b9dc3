import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { type EnvironmentSpec, resolveHome } from "@labctl/core";
import { dockerClient, listAll, teardown } from "@labctl/docker";
import { defineLab, dockerLabels, labelsFor, type ProgramContext, selectorFor } from "@labctl/sdk";
import * as docker from "@pulumi/docker";
import { BUSYBOX_TEST_IMAGE, ensureBusyboxImage } from "../../docker/src/test-support/busybox-test-image";
import { createDockerEngine } from "./index";
import { BOOKKEEPING } from "./object-labels";

const client = dockerClient();
const home = resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-swarm-")) });
const engine = createDockerEngine({ home });
const run = `sw${process.pid}`;
const password = `pa55-${run}-\u00e9`; // not ASCII: its base64 has URL-unsafe characters
let pageVersion = 1;
const page = () => `<h1>edge ${run} v${pageVersion}</h1>\n`;
let greeting = "hello";
/** This test made the engine a swarm manager, so it leaves the swarm at the end. */
let initedSwarm = false;

// sh as PID 1 exits on TERM at once (sleep would hold the task for its grace period).
const idle = ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"];

/**
 * Two overlays, a secret and a config mounted as files, a 3-replica dnsrr service with a rolling
 * update policy and no published port, and a 1-replica service publishing in host mode (host
 * mode holds one task per node per port: only a single replica can publish on one node).
 */
function program(ctx: ProgramContext) {
  const labels = dockerLabels(ctx);
  const front = new docker.Network("front", {
    name: ctx.name("front"),
    driver: "overlay",
    attachable: true,
    labels,
  });
  const back = new docker.Network("back", {
    name: ctx.name("back"),
    driver: "overlay",
    internal: true,
    labels,
  });
  const secret = new docker.Secret("pass", {
    name: ctx.name("pass"),
    data: ctx.secret("pass").apply((value) => Buffer.from(value).toString("base64url")),
    labels,
  });
  const config = new docker.ServiceConfig("page", {
    // Versioned by name, as `docker stack` does: a service cannot let go of a config in place.
    name: ctx.name(`page-v${pageVersion}`),
    data: Buffer.from(page()).toString("base64"),
    labels,
  });
  const web = new docker.Service("web", {
    name: ctx.name("web"),
    labels,
    taskSpec: {
      containerSpec: {
        image: ctx.image("web"),
        commands: idle,
        env: { GREETING: greeting },
        secrets: [{ secretId: secret.id, secretName: secret.name, fileName: "db_password" }],
        labels,
      },
      // One by id, one by name: both must resolve to the same stored target.
      networksAdvanceds: [{ id: front.id }, { name: back.name }],
    },
    mode: { replicated: { replicas: 3 } },
    updateConfig: { parallelism: 1, delay: "1s", order: "start-first" },
    endpointSpec: { mode: "dnsrr" },
  });
  const edge = new docker.Service("edge", {
    name: ctx.name("edge"),
    labels,
    taskSpec: {
      containerSpec: {
        image: ctx.image("web"),
        commands: ["httpd", "-f", "-p", "8080", "-h", "/www"],
        stopGracePeriod: "1s", // httpd as PID 1 ignores TERM
        configs: [{ configId: config.id, configName: config.name, fileName: "/www/index.html" }],
        labels,
      },
      networksAdvanceds: [{ id: front.id }],
    },
    mode: { replicated: { replicas: 1 } },
    endpointSpec: {
      mode: "dnsrr",
      ports: [{ targetPort: 8080, publishedPort: ctx.port("edge"), publishMode: "host" }],
    },
  });
  return { web: web.name, edge: edge.name, url: `http://127.0.0.1:${ctx.port("edge")}/` };
}

const lab = defineLab({
  id: "e2eswarm",
  title: { en: "swarm engine test", fr: "test Swarm du moteur" },
  platform: "docker",
  images: { web: BUSYBOX_TEST_IMAGE },
  ports: ["edge"],
  secrets: ["pass"],
  program: async () => ({ default: program }),
  checks: [],
  handout: "README.md",
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let spec: EnvironmentSpec;
const selector = () => selectorFor({ lab: spec.lab.id, student: spec.student.id, classId: spec.classId });
const labelFilter = () => ({ label: Object.entries(selector()).map(([k, v]) => `${k}=${v}`) });
const names = (what: string) => `e2eswarm-${run}-${what}`;
const serviceOf = (what: string) => client.getService(names(what)).inspect();

async function runningTasks(what: string) {
  const tasks = await client.listTasks({
    filters: { service: [names(what)], "desired-state": ["running"] },
  });
  return tasks.filter((task) => task.Status?.State === "running");
}

async function exec(container: string, cmd: string[]): Promise<string> {
  const started = await client
    .getContainer(container)
    .exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await started.start({ hijack: true, stdin: false });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  client.modem.demuxStream(stream, out, new PassThrough());
  await new Promise((resolve) => stream.on("end", resolve));
  return Buffer.concat(chunks).toString();
}

beforeAll(async () => {
  await ensureBusyboxImage(client);
  const info = await client.info();
  if (info.Swarm?.LocalNodeState !== "active") {
    await client.swarmInit({ ListenAddr: "127.0.0.1:2377", AdvertiseAddr: "127.0.0.1" });
    initedSwarm = true;
  }
  const key = { lab: lab.id, student: run, classId: "default" };
  spec = {
    lab,
    student: { id: run, name: run },
    classId: "default",
    images: { web: BUSYBOX_TEST_IMAGE },
    ports: { edge: await freePort() },
    bindAddress: "127.0.0.1",
    secrets: { pass: password },
    labels: labelsFor(key, "0.0.0-test"),
  };
});

afterAll(async () => {
  if (spec) await teardown(client, selector()).catch(() => undefined);
  if (initedSwarm) await client.swarmLeave({ force: true }).catch(() => undefined);
  rmSync(home.root, { recursive: true, force: true });
});

describe("docker engine on a Swarm", () => {
  it("creates labelled overlays, secret, config and services, and waits until they converge", async () => {
    const { changes, outputs } = await engine.up(spec);
    expect(changes.every((c) => c.action === "create")).toBe(true);
    expect(await runningTasks("web")).toHaveLength(3);
    expect(await runningTasks("edge")).toHaveLength(1);

    const found = await listAll(client, selector());
    expect(found.map((o) => `${o.kind}:${o.labels[BOOKKEEPING.resource]}`).sort()).toEqual(
      [
        ...["network:front", "network:back", "secret:pass", "config:page", "service:web", "service:edge"],
        ...["container:web", "container:web", "container:web", "container:edge"],
      ].sort(),
    );
    for (const object of found) expect(object.labels).toMatchObject(spec.labels);

    const front = await client.getNetwork(names("front")).inspect();
    const back = await client.getNetwork(names("back")).inspect();
    expect(front).toMatchObject({ Driver: "overlay", Attachable: true, Internal: false, Scope: "swarm" });
    expect(back).toMatchObject({ Driver: "overlay", Internal: true });

    const web = await serviceOf("web");
    expect(web.Spec?.EndpointSpec?.Mode).toBe("dnsrr");
    expect(web.Spec?.UpdateConfig).toMatchObject({ Parallelism: 1, Delay: 1e9, Order: "start-first" });
    expect(
      ((web.Spec?.TaskTemplate?.Networks ?? []) as { Target: string }[]).map((n) => n.Target).sort(),
    ).toEqual([front.Id, back.Id].sort());
    const edge = await serviceOf("edge");
    expect(edge.Endpoint?.Ports).toEqual([
      expect.objectContaining({ TargetPort: 8080, PublishedPort: spec.ports.edge, PublishMode: "host" }),
    ]);

    // The secret is a file in the task, and nowhere in the service's inspect or the task's env.
    const [task] = await client.listContainers({ filters: { ...labelFilter(), name: [names("web")] } });
    expect(await exec(task?.Id as string, ["cat", "/run/secrets/db_password"])).toBe(password);
    expect(JSON.stringify(web)).not.toContain(password);
    const container = await client.getContainer(task?.Id as string).inspect();
    expect(container.Config.Env.join("\n")).not.toContain(password);
    expect(container.Config.Env).toContain("GREETING=hello");

    // The host-mode port answers with the config mounted as the page.
    expect(await fetch(outputs.url as string).then((r) => r.text())).toBe(page());
  });

  it("keeps everything on a second up", async () => {
    const before = (await runningTasks("web")).map((t) => t.ID).sort();
    const { changes } = await engine.up(spec);
    expect(changes.filter((c) => c.action !== "same")).toEqual([]);
    expect((await runningTasks("web")).map((t) => t.ID).sort()).toEqual(before);
  });

  it("updates a changed service in place, rolling its tasks to the new spec", async () => {
    const before = await serviceOf("web");
    greeting = "bonjour";
    const { changes } = await engine.up(spec);
    expect(changes.filter((c) => c.action !== "same").map((c) => `${c.action} ${c.name}`)).toEqual([
      "update web",
    ]);
    const after = await serviceOf("web");
    expect(after.ID).toBe(before.ID);
    expect(after.Version?.Index).toBeGreaterThan(before.Version?.Index ?? 0);
    const tasks = await runningTasks("web");
    expect(tasks).toHaveLength(3);
    for (const task of tasks) expect(task.Spec?.ContainerSpec?.Env).toContain("GREETING=bonjour");
  });

  it("updates back a service scaled behind labctl's back", async () => {
    const web = await serviceOf("web");
    const scaled = { ...web.Spec, Mode: { Replicated: { Replicas: 0 } } };
    await client.getService(web.ID).update({ _query: { version: web.Version?.Index }, _body: scaled });
    const { changes } = await engine.up(spec);
    expect(changes.filter((c) => c.action !== "same").map((c) => `${c.action} ${c.name}`)).toEqual([
      "update web",
    ]);
    expect(await runningTasks("web")).toHaveLength(3);
  });

  it("moves a service to new content under a new config name, then removes the old config", async () => {
    pageVersion = 2;
    const { changes, outputs } = await engine.up(spec);
    expect(changes.filter((c) => c.action !== "same").map((c) => `${c.action} ${c.name}`)).toEqual([
      "replace page",
      "update edge",
    ]);
    expect(await fetch(outputs.url as string).then((r) => r.text())).toBe(page());
    const configs = async () =>
      (await client.listConfigs({ filters: labelFilter() })).map((c) => c.Spec?.Name);
    // The old one was still mounted when the new one was made: it stays until the next up.
    expect((await configs()).sort()).toEqual([names("page-v1"), names("page-v2")]);
    const again = await engine.up(spec);
    expect(again.changes.filter((c) => c.action !== "same")).toEqual([]);
    expect(await configs()).toEqual([names("page-v2")]);
  });

  it("removes every labelled service, secret, config, network and task container on down", async () => {
    await engine.down(spec);
    expect(await listAll(client, selector())).toEqual([]);
    expect(await client.listContainers({ all: true, filters: labelFilter() })).toEqual([]);
  });

  it("fails within the program's budget, naming the task error, when a service cannot converge", async () => {
    // Two host-mode replicas on one port of a single node: the second stays pending.
    const crowded = defineLab({
      ...lab,
      program: async () => ({
        default: (ctx: ProgramContext) => {
          new docker.Service("crowd", {
            name: ctx.name("crowd"),
            labels: dockerLabels(ctx),
            taskSpec: {
              containerSpec: { image: ctx.image("web"), commands: idle, labels: dockerLabels(ctx) },
            },
            mode: { replicated: { replicas: 2 } },
            endpointSpec: {
              mode: "dnsrr",
              ports: [{ targetPort: 8080, publishedPort: ctx.port("edge"), publishMode: "host" }],
            },
            convergeConfig: { timeout: "8s", delay: "500ms" },
          });
          return {};
        },
      }),
    });
    const other = { ...spec, lab: crowded, student: { id: `${run}c`, name: `${run}c` } };
    other.labels = labelsFor({ lab: lab.id, student: `${run}c`, classId: "default" }, "0.0.0-test");
    try {
      await expect(engine.up(other)).rejects.toMatchObject({
        code: "SERVICE_NOT_CONVERGED",
        message: expect.stringMatching(
          /e2eswarm-sw\d+c-crowd not converged after 8 s: 1\/2 tasks running; last task error: .*host-mode port already in use/,
        ),
      });
    } finally {
      await engine.down(other);
    }
    expect(
      await listAll(client, selectorFor({ lab: lab.id, student: `${run}c`, classId: "default" })),
    ).toEqual([]);
  });
});
