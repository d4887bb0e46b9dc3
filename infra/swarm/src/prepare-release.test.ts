import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { release as kernelRelease, tmpdir } from "node:os";
import { join } from "node:path";
import { removeEnvironmentDir, resolveHome, writeRecord } from "@labctl/core";
import { advertiseAddress } from "./advertise-address";
import { prepareSwarm } from "./prepare-swarm";
import { choosePublishing } from "./publishing-mode";
import { releaseSwarm } from "./release-swarm";
import { readSwarmEntry, swarmRecordFile } from "./swarm-record";
import { type FakeSwarm, fakeSwarm, fakeSwarmEngine } from "./test-support/fake-swarm-engine";

const newHome = () => resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-swarm-")) });
const engines: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
});

async function setup(over: Partial<FakeSwarm> = {}) {
  const swarm = fakeSwarm(over);
  const engine = await fakeSwarmEngine(swarm);
  engines.push(engine);
  return { swarm, ...engine, home: newHome() };
}

const managerOf = (clusterId: string, over: Partial<FakeSwarm> = {}) =>
  ({ state: "active", manager: true, nodes: 1, clusterId, ...over }) as const;

describe("prepareSwarm", () => {
  it("not in a swarm: inits one advertising the default route's address, marked and recorded as labctl's", async () => {
    const { swarm, docker, host, home } = await setup({ kernel: kernelRelease() });
    const ready = await prepareSwarm({ home, docker, publishing: "auto" });
    expect(swarm.inits).toHaveLength(1);
    expect(swarm.inits[0]).toMatchObject({
      AdvertiseAddr: await advertiseAddress({ kind: "same-kernel" }),
      ListenAddr: "0.0.0.0:2377",
      Spec: { Labels: { "dev.labctl.swarm": "created-by-labctl" } },
    });
    expect(readSwarmEntry(home, host)).toMatchObject({ created: true, clusterId: "cluster-1" });
    // The mode of this machine's kernel (host here: no IPVS; see publishing-mode.test for both).
    expect(ready).toEqual({ swarm: { mode: choosePublishing("auto", { kind: "same-kernel" }).mode } });
  });

  it("without a setting given, follows config.yaml's swarmPublishing", async () => {
    const { docker, home } = await setup(managerOf("theirs"));
    writeFileSync(home.configFile, "swarmPublishing: mesh\n");
    expect(await prepareSwarm({ home, docker })).toEqual({ swarm: { mode: "mesh" } });
  });

  it("an engine in a local VM (another kernel) advertises 127.0.0.1", async () => {
    const { swarm, docker, home } = await setup({ kernel: "5.15.49-linuxkit" });
    await prepareSwarm({ home, docker, publishing: "mesh" });
    expect(swarm.inits[0]).toMatchObject({ AdvertiseAddr: "127.0.0.1" });
  });

  it("already a manager: no init, recorded as not labctl's, and the configured mode wins", async () => {
    const { swarm, docker, host, home } = await setup(managerOf("theirs"));
    expect(await prepareSwarm({ home, docker, publishing: "mesh" })).toEqual({ swarm: { mode: "mesh" } });
    expect(swarm.inits).toEqual([]);
    expect(readSwarmEntry(home, host)).toMatchObject({ created: false, clusterId: "theirs" });
  });

  it("a second prepare of the swarm labctl created keeps it recorded as labctl's", async () => {
    const { swarm, docker, host, home } = await setup();
    await prepareSwarm({ home, docker, publishing: "host" });
    await prepareSwarm({ home, docker, publishing: "host" });
    expect(swarm.inits).toHaveLength(1);
    expect(readSwarmEntry(home, host)).toMatchObject({ created: true });
  });

  it("racing another run (its init first): not recorded as someone else's swarm", async () => {
    // The other run's init landed between our look and ours: ours answers "already part of a swarm".
    const { swarm, docker, host, home } = await setup({
      initError: [503, "This node is already part of a swarm."],
    });
    const racing = prepareSwarm({ home, docker, publishing: "host", readyMs: 5_000 });
    setTimeout(
      () =>
        Object.assign(swarm, managerOf("cluster-x"), { labels: { "dev.labctl.swarm": "created-by-labctl" } }),
      50,
    );
    await racing;
    expect(readSwarmEntry(home, host)).toBeUndefined();
  });

  it("a swarm another run is initialising (pending) is waited for, then used without an init of its own", async () => {
    // A class up: the first student's init is under way when the second looks.
    const { swarm, docker, host, home } = await setup({ state: "pending" });
    const second = prepareSwarm({ home, docker, publishing: "host", readyMs: 5_000 });
    setTimeout(
      () =>
        Object.assign(swarm, managerOf("cluster-x"), { labels: { "dev.labctl.swarm": "created-by-labctl" } }),
      300,
    );
    await expect(second).resolves.toEqual({ swarm: { mode: "host" } });
    expect(swarm.inits).toEqual([]);
    expect(readSwarmEntry(home, host)).toBeUndefined();
  });

  it.each([
    [
      { state: "active", manager: false } as const,
      "SWARM_WORKER",
      /is a worker of a swarm.*docker node promote/s,
    ],
    [{ state: "locked" } as const, "SWARM_LOCKED", /locked swarm.*docker swarm unlock/s],
    [{ state: "pending" } as const, "SWARM_PENDING", /still joining a swarm.*docker swarm leave/s],
  ])("refuses %o clearly (exit 2), changing nothing", async (over, code, words) => {
    const { swarm, docker, home } = await setup(over);
    // A pending node is looked at until readyMs: it may be another run's init under way.
    const refused = prepareSwarm({ home, docker, publishing: "host", readyMs: 300 });
    await expect(refused).rejects.toMatchObject({ code, exitCode: 2 });
    await refused.catch((e) => expect(`${e.message} ${e.advice}`).toMatch(words));
    expect(swarm.inits).toEqual([]);
    expect(existsSync(swarmRecordFile(home))).toBe(false);
  });

  it("an init the engine refuses is a LabctlError with advice", async () => {
    const { docker, home } = await setup({
      initError: [500, "listen tcp 0.0.0.0:2377: address already in use"],
    });
    await expect(prepareSwarm({ home, docker, publishing: "host" })).rejects.toMatchObject({
      code: "SWARM_INIT_FAILED",
      exitCode: 2,
      message: expect.stringContaining("address already in use"),
      advice: expect.stringContaining("docker swarm init --advertise-addr"),
    });
  });
});

describe("releaseSwarm", () => {
  it("leaves (force) the swarm labctl created once nothing remains on it, and forgets it", async () => {
    const { swarm, docker, host, home } = await setup();
    await prepareSwarm({ home, docker, publishing: "host" });
    await releaseSwarm({ home, docker });
    expect(swarm.leaves).toEqual(["?force=true"]);
    expect(swarm.state).toBe("inactive");
    expect(readSwarmEntry(home, host)).toBeUndefined();
  });

  it("keeps the swarm labctl created while a labelled service (or anything else) remains", async () => {
    const { swarm, docker, host, home } = await setup();
    await prepareSwarm({ home, docker, publishing: "host" });
    swarm.services = [{ ID: "s1", Spec: { Name: "tp07-bob-web", Labels: { "dev.labctl.lab": "tp07" } } }];
    await releaseSwarm({ home, docker });
    swarm.services = [];
    swarm.networks.push({ Name: "theirs-overlay", Scope: "swarm" });
    await releaseSwarm({ home, docker });
    expect(swarm.leaves).toEqual([]);
    expect(readSwarmEntry(home, host)).toMatchObject({ created: true });
  });

  it("keeps the swarm while this home knows another environment on it (a class's other student mid-down)", async () => {
    const { swarm, docker, home } = await setup();
    await prepareSwarm({ home, docker, publishing: "host" });
    const bob = { lab: "tp07", student: "bob", classId: "c1", engine: "docker" as const, ports: {} };
    writeRecord(home, { ...bob, swarm: { mode: "host" } });
    await releaseSwarm({ home, docker });
    expect(swarm.leaves).toEqual([]);
    // A docker lab's environment does not hold the swarm.
    removeEnvironmentDir(home, "c1", "tp07", "bob");
    writeRecord(home, { ...bob, lab: "tp01" });
    await releaseSwarm({ home, docker });
    expect(swarm.leaves).toEqual(["?force=true"]);
  });

  it("never leaves a swarm labctl did not create", async () => {
    const { swarm, docker, home } = await setup(managerOf("theirs"));
    await prepareSwarm({ home, docker, publishing: "host" });
    await releaseSwarm({ home, docker });
    expect(swarm.leaves).toEqual([]);
    expect(swarm.state).toBe("active");
  });

  it("never leaves one it created once nodes joined, or once it is another swarm", async () => {
    const { swarm, docker, host, home } = await setup();
    await prepareSwarm({ home, docker, publishing: "host" });
    swarm.nodes = 3;
    await releaseSwarm({ home, docker });
    expect(swarm.leaves).toEqual([]);
    Object.assign(swarm, { nodes: 1, clusterId: "made-again-by-someone" });
    await releaseSwarm({ home, docker });
    expect(swarm.leaves).toEqual([]);
    expect(readSwarmEntry(home, host)).toBeUndefined();
  });

  it("does nothing without a record (another home, or none)", async () => {
    const { swarm, docker, home } = await setup(managerOf("c1"));
    await releaseSwarm({ home, docker });
    expect(swarm.leaves).toEqual([]);
  });
});
