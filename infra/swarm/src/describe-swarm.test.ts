import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveHome } from "@labctl/core";
import { describeSwarm } from "./describe-swarm";
import { prepareSwarm } from "./prepare-swarm";
import { type FakeSwarm, fakeSwarm, fakeSwarmEngine } from "./test-support/fake-swarm-engine";

const engines: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
});

async function describeWith(over: Partial<FakeSwarm>, prepareFirst = false) {
  const engine = await fakeSwarmEngine(fakeSwarm(over));
  engines.push(engine);
  const home = resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-swarm-doc-")) });
  if (prepareFirst) await prepareSwarm({ home, docker: engine.docker, publishing: "host" });
  const [swarm, publish] = await describeSwarm({ home, docker: engine.docker, publishing: "auto" });
  if (!swarm || !publish) throw new Error("describeSwarm gives two findings");
  return { swarm, publish };
}

describe("describeSwarm", () => {
  it("not in a swarm: says labctl will make one and leave it", async () => {
    const { swarm, publish } = await describeWith({});
    expect(swarm).toMatchObject({
      name: "swarm",
      status: "ok",
      detail: expect.stringMatching(/^not in a swarm/),
    });
    // The fake reports another kernel than this machine's: a VM, whose kernel labctl cannot see.
    expect(publish).toEqual({
      name: "swarm publish",
      status: "ok",
      detail: expect.stringMatching(/^host: the engine runs in a VM/),
    });
  });

  it("a manager labctl created, and one it did not", async () => {
    expect((await describeWith({}, true)).swarm.detail).toMatch(
      /this node is a manager.*created by labctl \(this home\)/,
    );
    const theirs = await describeWith({ state: "active", manager: true, nodes: 2, clusterId: "c" });
    expect(theirs.swarm.detail).toMatch(
      /manager \(192\.0\.2\.2, 2 node\(s\)\); not created by labctl.*never leaves/,
    );
  });

  it("a worker: a warning naming the problem and what to do", async () => {
    const { swarm } = await describeWith({ state: "active", manager: false });
    expect(swarm).toMatchObject({
      status: "warn",
      detail: expect.stringMatching(/worker.*docker node promote/),
    });
  });
});
