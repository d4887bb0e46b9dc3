import type { EnvironmentSpec } from "@labctl/core";
import type Dockerode from "dockerode";
import type { KindContext } from "./resource-kind";
import { serviceConfigKind } from "./swarm-data-kind";

const selector = { "dev.labctl.lab": "tp07", "dev.labctl.student": "alice", "dev.labctl.class": "default" };
const spec = {
  lab: { id: "tp07" },
  student: { id: "alice" },
  classId: "default",
  labels: {},
} as unknown as EnvironmentSpec;

/** A swarm with one config of this environment that a service still mounts. */
function swarmWithUsedConfig(name: string) {
  const created: unknown[] = [];
  const inUse = Object.assign(new Error("in use"), {
    statusCode: 400,
    json: {
      message: `rpc error: code = InvalidArgument desc = config '${name}' is in use by the following service: web`,
    },
  });
  const docker = {
    listConfigs: async () => [
      { ID: "c1", Spec: { Name: name, Labels: { ...selector, "dev.labctl.spec": "old" } } },
    ],
    getConfig: () => ({ remove: () => Promise.reject(inUse) }),
    createConfig: async (opts: unknown) => {
      created.push(opts);
      return { id: "c2" };
    },
  } as unknown as Dockerode;
  const ctx: KindContext = {
    docker,
    spec,
    resource: { name: "web-conf", type: "docker:index/serviceConfig:ServiceConfig" },
  };
  return { ctx, created };
}

describe("serviceConfigKind", () => {
  it("keeps an old config a service still mounts and creates the new one under its new name", async () => {
    const { ctx, created } = swarmWithUsedConfig("web-conf-v1");
    const desired = await serviceConfigKind.desire(ctx, { name: "web-conf-v2", dataRaw: "v2" });
    await serviceConfigKind.remove(ctx, { id: "c1", name: "web-conf-v1", reusable: true });
    await expect(serviceConfigKind.create(ctx, desired)).resolves.toMatchObject({
      id: "c2",
      name: "web-conf-v2",
    });
    expect(created).toEqual([
      expect.objectContaining({ Name: "web-conf-v2", Data: Buffer.from("v2").toString("base64") }),
    ]);
  });

  it("refuses new content under the same name while a service uses it, with advice", async () => {
    const { ctx } = swarmWithUsedConfig("web-conf");
    const desired = await serviceConfigKind.desire(ctx, { name: "web-conf", dataRaw: "v2" });
    await expect(serviceConfigKind.create(ctx, desired)).rejects.toMatchObject({
      code: "SWARM_DATA_IN_USE",
      message: expect.stringMatching(/config "web-conf" changed, but a service still uses the old one/),
    });
  });

  it("puts the config matching the inputs first, an old one left in use after it", async () => {
    const { ctx } = swarmWithUsedConfig("web-conf-v1");
    const labels = (hash: string) => ({ ...selector, "dev.labctl.spec": hash });
    ctx.docker.listConfigs = (async () => [
      { ID: "c1", Spec: { Name: "web-conf-v1", Labels: labels("old") } },
      { ID: "c2", Spec: { Name: "web-conf-v2", Labels: labels("new") } },
    ]) as never;
    const desired = { inputs: {}, name: "web-conf-v2", hash: "new" };
    expect((await serviceConfigKind.current(ctx, desired)).map((c) => c.id)).toEqual(["c2", "c1"]);
  });
});
