import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { createCluster } from "./create-cluster";
import type { KindPhase } from "./kind-phases";
import { type FakeKind, fakeKind, isAlive } from "./test-support/fake-kind";

let work: string;
let fake: FakeKind | undefined;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "labctl-kind-test-"));
});
afterEach(async () => {
  await fake?.remove();
  fake = undefined;
  await rm(work, { recursive: true, force: true });
});

const succeeding = async () => {
  fake = await fakeKind({
    "create cluster": { fixture: "create-success.stderr.txt", writeKubeconfig: true },
  });
  return fake;
};
const failing = async (fixture: string) => {
  fake = await fakeKind({ "create cluster": { fixture, exitCode: 1 } });
  return fake;
};

const spec = {
  nodes: [
    { role: "control-plane" as const, extraPortMappings: [{ containerPort: 80, hostPort: 8080 }] },
    { role: "worker" as const, labels: { "dev.labctl.student": "ada" } },
  ],
};

describe("createCluster", () => {
  it("runs kind create cluster with its name, a config file, its own kubeconfig, the image and the wait", async () => {
    const { binary, calls } = await succeeding();
    const kubeconfigPath = join(work, "tp08-ada.kubeconfig");
    await createCluster({
      binary,
      name: "tp08-ada",
      config: spec,
      kubeconfigPath,
      image: "kindest/node:v1.37.0",
      waitMs: 60_500,
    });
    const [call] = await calls();
    expect(call?.argv).toEqual([
      "create",
      "cluster",
      "--name",
      "tp08-ada",
      "--config",
      expect.stringMatching(/labctl-kind-.*\/cluster\.yaml$/),
      "--kubeconfig",
      kubeconfigPath,
      "--image",
      "kindest/node:v1.37.0",
      "--wait",
      "61s",
    ]);
  });

  it("gives kind the rendered config in a temporary file it removes afterwards", async () => {
    const { binary, calls } = await succeeding();
    await createCluster({ binary, name: "tp08-ada", config: spec, kubeconfigPath: join(work, "k") });
    const [call] = await calls();
    expect(parse(call?.config ?? "")).toMatchObject({
      kind: "Cluster",
      apiVersion: "kind.x-k8s.io/v1alpha4",
      networking: { apiServerAddress: "127.0.0.1", apiServerPort: 0 },
      nodes: [
        {
          role: "control-plane",
          extraPortMappings: [{ containerPort: 80, hostPort: 8080, listenAddress: "127.0.0.1" }],
        },
        { role: "worker", labels: { "dev.labctl.student": "ada" } },
      ],
    });
    const configDir = call?.argv[5]?.replace(/\/cluster\.yaml$/, "") ?? "";
    await expect(readdir(configDir)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("passes YAML that is already rendered as it is", async () => {
    const { binary, calls } = await succeeding();
    const yaml = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";
    await createCluster({ binary, name: "tp08-ada", config: yaml, kubeconfigPath: join(work, "k") });
    expect((await calls())[0]?.config).toBe(yaml);
  });

  it("writes one kubeconfig file per cluster, two creates in parallel writing two files", async () => {
    const { binary, calls } = await succeeding();
    const [ada, bob] = await Promise.all(
      ["tp08-ada", "tp08-bob"].map((name) =>
        createCluster({
          binary,
          name,
          config: spec,
          kubeconfigPath: join(work, "clusters", `${name}.kubeconfig`),
        }),
      ),
    );
    expect(ada?.kubeconfigPath).not.toBe(bob?.kubeconfigPath);
    expect(
      parse(await readFile(join(work, "clusters", "tp08-ada.kubeconfig"), "utf8"))["current-context"],
    ).toBe("kind-tp08-ada");
    expect(
      parse(await readFile(join(work, "clusters", "tp08-bob.kubeconfig"), "utf8"))["current-context"],
    ).toBe("kind-tp08-bob");
    expect((await calls()).map((call) => call.kubeconfig).sort()).toEqual([
      join(work, "clusters", "tp08-ada.kubeconfig"),
      join(work, "clusters", "tp08-bob.kubeconfig"),
    ]);
  });

  it("refuses the shared ~/.kube/config", async () => {
    const { binary, calls } = await succeeding();
    const kubeconfigPath = join(homedir(), ".kube", "config");
    await expect(
      createCluster({ binary, name: "tp08-ada", config: spec, kubeconfigPath }),
    ).rejects.toMatchObject({
      code: "KIND_SHARED_KUBECONFIG",
      exitCode: 64,
    });
    expect(await calls()).toEqual([]);
  });

  it("reports kind's steps in order, as kind prints them", async () => {
    const { binary } = await succeeding();
    const seen: KindPhase[] = [];
    const created = await createCluster({
      binary,
      name: "tp08-ada",
      config: spec,
      kubeconfigPath: join(work, "k"),
      onPhase: (phase) => seen.push(phase),
    });
    expect(seen.map((phase) => `${phase.state} ${phase.phase}`).slice(0, 4)).toEqual([
      "started Ensuring node image (kindest/node:v1.37.0) 🖼",
      "done Ensuring node image (kindest/node:v1.37.0) 🖼",
      "started Preparing nodes 📦 📦",
      "done Preparing nodes 📦 📦",
    ]);
    expect(created.phases).toEqual(seen);
    expect(created.phases).toHaveLength(16);
    expect(created.ready).toBe(true);
  });

  it("delivers the first step while kind still runs", async () => {
    fake = await fakeKind({
      "create cluster": { fixture: "create-success.stderr.txt", pauseAfterLine: 2, sleepMs: 500 },
    });
    const { binary, calls } = fake;
    const alive: boolean[] = [];
    await createCluster({
      binary,
      name: "tp08-ada",
      config: spec,
      kubeconfigPath: join(work, "k"),
      onPhase: () => {
        void calls().then(([call]) => alive.push(call !== undefined && isAlive(call.pid)));
      },
    });
    expect(alive[0]).toBe(true);
  });

  it("says the cluster is not ready when kind's wait ran out", async () => {
    fake = await fakeKind({
      "create cluster": { fixture: "create-not-ready.stderr.txt", writeKubeconfig: true },
    });
    const created = await createCluster({
      binary: fake.binary,
      name: "tp08-ada",
      config: spec,
      kubeconfigPath: join(work, "k"),
      waitMs: 60_000,
    });
    expect(created.ready).toBe(false);
    expect(created.phases.at(-1)).toEqual({
      phase: "Waiting ≤ 1m0s for control-plane = Ready ⏳",
      state: "failed",
    });
  });

  it.each([
    ["create-port-allocated.stderr.txt", "KIND_PORT_IN_USE", "host port 127.0.0.1:8080 is already in use"],
    ["create-name-taken.stderr.txt", "KIND_CLUSTER_EXISTS", 'A kind cluster named "tp08-ada" already exists'],
    ["create-image-pull.stderr.txt", "KIND_NODE_IMAGE", "could not be pulled"],
  ])("maps kind's failure %s to %s", async (fixtureName, code, message) => {
    const { binary } = await failing(fixtureName);
    const failure = createCluster({
      binary,
      name: "tp08-ada",
      config: spec,
      kubeconfigPath: join(work, "k"),
    });
    await expect(failure).rejects.toMatchObject({ code, exitCode: 2 });
    await expect(failure).rejects.toThrow(message);
  });

  it("kills kind when it runs past its timeout", async () => {
    fake = await fakeKind({
      "create cluster": { fixture: "create-success.stderr.txt", pauseAfterLine: 2, sleepMs: 30_000 },
    });
    const started = Date.now();
    const failure = createCluster({
      binary: fake.binary,
      name: "tp08-ada",
      config: spec,
      kubeconfigPath: join(work, "k"),
      timeoutMs: 400,
    });
    await expect(failure).rejects.toMatchObject({ code: "KIND_TIMEOUT", exitCode: 2 });
    await expect(failure).rejects.toMatchObject({
      advice: expect.stringContaining("kind delete cluster --name tp08-ada"),
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    const [call] = await fake.calls();
    expect(isAlive(call?.pid ?? 0)).toBe(false);
  });

  it("kills kind when its signal aborts", async () => {
    fake = await fakeKind({
      "create cluster": { fixture: "create-success.stderr.txt", pauseAfterLine: 2, sleepMs: 30_000 },
    });
    const controller = new AbortController();
    const failure = createCluster({
      binary: fake.binary,
      name: "tp08-ada",
      config: spec,
      kubeconfigPath: join(work, "k"),
      signal: controller.signal,
      onPhase: () => controller.abort(),
    });
    await expect(failure).rejects.toMatchObject({ code: "KIND_CANCELLED", exitCode: 130 });
    const [call] = await fake.calls();
    expect(isAlive(call?.pid ?? 0)).toBe(false);
  });

  it("does not start kind when the signal is already aborted", async () => {
    const { binary, calls } = await succeeding();
    const failure = createCluster({
      binary,
      name: "tp08-ada",
      config: spec,
      kubeconfigPath: join(work, "k"),
      signal: AbortSignal.abort(),
    });
    await expect(failure).rejects.toMatchObject({ code: "KIND_CANCELLED" });
    expect(await calls()).toEqual([]);
  });

  it("refuses a name kind would refuse", async () => {
    const { binary, calls } = await succeeding();
    await expect(
      createCluster({ binary, name: "TP08_Ada", config: spec, kubeconfigPath: join(work, "k") }),
    ).rejects.toMatchObject({
      code: "KIND_BAD_NAME",
      exitCode: 65,
    });
    expect(await calls()).toEqual([]);
  });
});
