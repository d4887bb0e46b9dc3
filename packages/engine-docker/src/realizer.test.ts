import { type EnvironmentSpec, runProgram } from "@labctl/core";
import type { EngineEvent } from "@labctl/sdk";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import type Dockerode from "dockerode";
import { Realizer, type RealizerMode } from "./realizer";

const spec = {
  lab: { id: "tp99" },
  student: { id: "alice" },
  classId: "default",
  labels: {},
} as unknown as EnvironmentSpec;

class Namespace extends pulumi.CustomResource {
  constructor(name: string) {
    super("kubernetes:core/v1:Namespace", name, {});
  }
}

/** A Docker client whose every call fails and is counted: collect mode must never use it. */
function brokenDocker(calls: string[]): Dockerode {
  return new Proxy({} as Dockerode, {
    get: (_target, method) => () => {
      calls.push(String(method));
      return Promise.reject(
        Object.assign(new Error("connect ECONNREFUSED /var/run/docker.sock"), { statusCode: undefined }),
      );
    },
  });
}

async function realizeWith(mode: RealizerMode, program: () => unknown, opts: { signal?: AbortSignal } = {}) {
  const calls: string[] = [];
  const events: EngineEvent[] = [];
  const realizer = new Realizer({
    spec,
    mode,
    docker: () => brokenDocker(calls),
    onEvent: (e) => events.push(e),
    ...opts,
  });
  const outputs = await runProgram({
    program,
    project: "tp99",
    stack: "alice",
    preview: mode !== "apply",
    mocks: realizer,
  });
  return { realizer, calls, events, outputs };
}

describe("Realizer", () => {
  it("collects unsupported types and invalid inputs without touching Docker", async () => {
    const { realizer, calls } = await realizeWith("collect", () => {
      const net = new docker.Network("net", { name: "n" });
      new docker.Container("web", {
        image: "x",
        networksAdvanced: [{ name: net.name }],
        healthcheck: { tests: ["CMD", "true"], interval: "5" },
      });
      new Namespace("ns");
      pulumi.output(docker.getNetwork({ name: "bridge" })).apply(() => undefined);
    });
    expect([...realizer.unsupported]).toEqual(
      expect.arrayContaining([
        "kubernetes:core/v1:Namespace",
        "the function docker:index/getNetwork:getNetwork",
      ]),
    );
    expect(realizer.problems).toEqual([expect.stringMatching(/^web: "5" is not a duration/)]);
    expect(calls).toEqual([]);
  });

  it("sends the resources of a docker.Provider to that provider's host", async () => {
    const { realizer } = await realizeWith("collect", () => {
      const swarm = new docker.Provider("swarm", { host: "ssh://prof@swarm-1" });
      new docker.Network("overlay", { driver: "overlay" }, { provider: swarm });
      new docker.Volume("local");
    });
    expect([...realizer.hosts]).toEqual(["ssh://prof@swarm-1"]);
    expect(realizer.declared.get("ssh://prof@swarm-1")).toEqual(
      new Set(["docker:index/network:Network overlay"]),
    );
    expect(realizer.declared.get(undefined)).toEqual(new Set(["docker:index/volume:Volume local"]));
  });

  it("records the first failure, reports it once and skips what comes after", async () => {
    const { realizer, calls, events } = await realizeWith("apply", () => {
      const net = new docker.Network("net", { name: "n" });
      new docker.Container("web", { image: "x", networksAdvanced: [{ name: net.name }] });
    });
    expect(realizer.failure).toMatchObject({
      message: expect.stringContaining('Could not create Network "net": connect ECONNREFUSED'),
    });
    expect(events.filter((e) => e.kind === "resource").map((e) => `${e.phase} ${e.name}`)).toEqual([
      "failed net",
    ]);
    expect(calls).toEqual(["listNetworks"]);
    expect(realizer.changes).toEqual([]);
  });

  it("creates nothing once cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    const { realizer, calls } = await realizeWith("apply", () => new docker.Volume("data"), {
      signal: controller.signal,
    });
    expect(realizer.failure).toMatchObject({ code: "CANCELLED" });
    expect(calls).toEqual([]);
  });
});
