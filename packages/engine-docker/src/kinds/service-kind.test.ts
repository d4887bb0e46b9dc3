import type { EnvironmentSpec } from "@labctl/core";
import type Dockerode from "dockerode";
import type { KindContext } from "./resource-kind";
import { serviceKind } from "./service-kind";

const spec = {
  lab: { id: "tp07" },
  student: { id: "alice" },
  classId: "default",
  labels: { "dev.labctl.version": "1.0.0" },
} as unknown as EnvironmentSpec;

const notFound = () => Promise.reject(Object.assign(new Error("not found"), { statusCode: 404 }));

/** A swarm holding one secret, one network and (optionally) the service, recording writes. */
function fakeDocker(live?: Record<string, unknown>) {
  const writes: { call: string; opts: unknown }[] = [];
  // Tasks copy the service's task template, as Swarm does.
  const runningTask = (template: unknown) => ({
    DesiredState: "running",
    Status: { State: "running" },
    Spec: template,
  });
  let current = live;
  const docker = {
    getSecret: (ref: string) => ({
      inspect: () =>
        ref === "db-pass" || ref === "sec1"
          ? Promise.resolve({ ID: "sec1", Spec: { Name: "db-pass" } })
          : notFound(),
    }),
    getConfig: () => ({ inspect: notFound }),
    getNetwork: (ref: string) => ({
      inspect: () => (ref === "front" ? Promise.resolve({ Id: "net1", Name: "front" }) : notFound()),
    }),
    listServices: async () => (current ? [{ ID: "svc1", Spec: current }] : []),
    createService: async (opts: Record<string, unknown>) => {
      writes.push({ call: "create", opts });
      current = opts;
      return { id: "svc1" };
    },
    getService: () => ({
      inspect: async () => ({ ID: "svc1", Version: { Index: 42 }, Spec: current }),
      update: async (opts: { _body: Record<string, unknown> }) => {
        writes.push({ call: "update", opts });
        current = opts._body;
      },
    }),
    listTasks: async () => {
      const s = current as { Mode: { Replicated: { Replicas: number } }; TaskTemplate: unknown };
      return Array.from({ length: s.Mode.Replicated.Replicas }, () =>
        runningTask(JSON.parse(JSON.stringify(s.TaskTemplate))),
      );
    },
  } as unknown as Dockerode;
  return { docker, writes };
}

const ctxOf = (docker: Dockerode): KindContext => ({
  docker,
  spec,
  resource: { name: "web", type: "docker:index/service:Service" },
});

const inputs = (replicas: number) => ({
  name: "tp07-alice-web",
  taskSpec: {
    containerSpec: {
      image: "nginx",
      secrets: [{ secretId: "db-pass", fileName: "db_password" }],
    },
    networksAdvanceds: [{ name: "front" }],
  },
  mode: { replicated: { replicas } },
});

describe("serviceKind", () => {
  it("resolves secret and network references to Swarm ids and names", async () => {
    const { docker } = fakeDocker();
    const desired = await serviceKind.desire(ctxOf(docker), inputs(1));
    expect(desired.inputs.taskSpec.containerSpec.secrets).toEqual([
      { secretId: "sec1", secretName: "db-pass", fileName: "db_password" },
    ]);
    expect(desired.inputs.taskSpec.networksAdvanceds).toEqual([{ id: "net1" }]);
  });

  it("creates a service whose task containers carry the environment labels, then waits for it", async () => {
    const { docker, writes } = fakeDocker();
    const ctx = ctxOf(docker);
    const desired = await serviceKind.desire(ctx, inputs(2));
    await serviceKind.create(ctx, desired);
    const created = writes[0]?.opts as {
      Labels: Record<string, string>;
      TaskTemplate: { ContainerSpec: { Labels: Record<string, string> } };
    };
    expect(created.Labels).toMatchObject({ "dev.labctl.student": "alice", "dev.labctl.spec": desired.hash });
    expect(created.TaskTemplate.ContainerSpec.Labels).toEqual({
      "dev.labctl.version": "1.0.0",
      "dev.labctl.lab": "tp07",
      "dev.labctl.student": "alice",
      "dev.labctl.class": "default",
      "dev.labctl.resource": "web",
      "dev.labctl.type": "docker:index/service:Service",
    });
  });

  it("keeps an unchanged service, and updates a drifted or changed one in place with its version", async () => {
    const { docker, writes } = fakeDocker();
    const ctx = ctxOf(docker);
    const desired = await serviceKind.desire(ctx, inputs(3));
    await serviceKind.create(ctx, desired);
    const [same] = await serviceKind.current(ctx, desired);
    expect(same).toMatchObject({ id: "svc1", hash: desired.hash, reusable: true });

    // `docker service scale web=0`: the labels still say "same", the spec does not.
    const scaled = writes[0]?.opts as { Mode: { Replicated: { Replicas: number } } };
    scaled.Mode.Replicated.Replicas = 0;
    const [drifted] = await serviceKind.current(ctx, desired);
    expect(drifted?.reusable).toBe(false);

    const changed = await serviceKind.desire(ctx, inputs(2));
    await serviceKind.update?.(ctx, changed, { id: "svc1", name: "tp07-alice-web", reusable: true });
    expect(writes[1]).toMatchObject({
      call: "update",
      opts: { _query: { version: 42 }, _body: { Mode: { Replicated: { Replicas: 2 } } } },
    });
  });
});
