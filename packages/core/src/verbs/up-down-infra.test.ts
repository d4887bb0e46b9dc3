import { writeFileSync } from "node:fs";
import type { Lab } from "@labctl/sdk";
import type { EngineRunOptions, EnvironmentSpec } from "../engine/types";
import { readRecord, recordFile } from "../environment/environment-record";
import { resolveEnvironment } from "../environment/resolve-environment";
import { ExitCode, LabctlError } from "../errors";
import type { InfraPackage } from "../infra/load-infra";
import { FakeEngine, fakeHome, fakeLab } from "../test-support/fake-engine";
import { down } from "./down";
import { up } from "./up";

// The infra package core would load by name, replaced by one that records what it is asked.
const calls: string[] = [];
const infra: InfraPackage = {
  prepare: jest.fn(async () => {
    calls.push("prepare");
    return { swarm: { mode: "host" as const } };
  }),
  release: jest.fn(async () => {
    calls.push("release");
  }),
};
jest.mock("../infra/load-infra", () => ({
  loadInfra: (platform: string) => (platform === "swarm" ? infra : undefined),
}));

const alice = { id: "alice", name: "Alice" };
const swarmLab: Lab = { ...fakeLab, platform: "swarm" };

/** A FakeEngine that logs its up/down into the shared call list and keeps the specs it got. */
function recordingEngine() {
  const engine = new FakeEngine();
  const specs: EnvironmentSpec[] = [];
  const { up: realUp, down: realDown } = engine;
  engine.up = async (spec: EnvironmentSpec, opts?: EngineRunOptions) => {
    calls.push("engine.up");
    specs.push(spec);
    return realUp.call(engine, spec, opts);
  };
  engine.down = async (spec: EnvironmentSpec) => {
    calls.push("engine.down");
    specs.push(spec);
    return realDown.call(engine, spec);
  };
  return { engine, specs };
}

beforeEach(() => {
  calls.length = 0;
  jest.clearAllMocks();
});

describe("up and down of a platform lab (infra package)", () => {
  it("up prepares the platform before the engine's up and records the publishing mode", async () => {
    const { home, config } = await fakeHome(2);
    const { engine, specs } = recordingEngine();
    await up(home, engine, resolveEnvironment(home, config, swarmLab, alice, "default"));
    expect(calls).toEqual(["prepare", "engine.up"]);
    expect(infra.prepare).toHaveBeenCalledWith(expect.objectContaining({ home, docker: expect.anything() }));
    expect(specs[0]?.swarm).toEqual({ mode: "host" });
    expect(readRecord(home, "default", "tp99", "alice")?.swarm).toEqual({ mode: "host" });
    // verify and down resolve the spec again: they see the mode up used.
    expect(resolveEnvironment(home, config, swarmLab, alice, "default").swarm).toEqual({ mode: "host" });
  });

  it("down releases the platform after the engine's down, with the recorded mode in the spec", async () => {
    const { home, config } = await fakeHome(2);
    const { engine, specs } = recordingEngine();
    await up(home, engine, resolveEnvironment(home, config, swarmLab, alice, "default"));
    calls.length = 0;
    await down(home, engine, resolveEnvironment(home, config, swarmLab, alice, "default"));
    expect(calls).toEqual(["engine.down", "release"]);
    expect(specs[1]?.swarm).toEqual({ mode: "host" });
    expect(readRecord(home, "default", "tp99", "alice")).toBeUndefined();
  });

  it("a refused prepare (a worker node) stops up before the engine runs or a record is written", async () => {
    const { home, config } = await fakeHome(2);
    const { engine } = recordingEngine();
    jest
      .mocked(infra.prepare)
      .mockRejectedValueOnce(
        new LabctlError("This node is a worker.", "use a manager", ExitCode.infrastructure, "SWARM_WORKER"),
      );
    const spec = resolveEnvironment(home, config, swarmLab, alice, "default");
    await expect(up(home, engine, spec)).rejects.toMatchObject({ code: "SWARM_WORKER" });
    expect(calls).toEqual([]);
    expect(readRecord(home, "default", "tp99", "alice")).toBeUndefined();
  });

  it("a docker lab neither prepares nor releases, and its record carries no mode", async () => {
    const { home, config } = await fakeHome(2);
    const { engine } = recordingEngine();
    await up(home, engine, resolveEnvironment(home, config, fakeLab, alice, "default"));
    expect(readRecord(home, "default", "tp99", "alice")?.swarm).toBeUndefined();
    await down(home, engine, resolveEnvironment(home, config, fakeLab, alice, "default"));
    expect(calls).toEqual(["engine.up", "engine.down"]);
  });

  it("reads a record written before the mode was recorded", async () => {
    const { home, config } = await fakeHome(2);
    const { engine } = recordingEngine();
    await up(home, engine, resolveEnvironment(home, config, fakeLab, alice, "default"));
    const file = recordFile(home, "default", "tp99", "alice");
    const now = new Date().toISOString();
    const old = { lab: "tp99", student: "alice", classId: "default", engine: "docker", ports: {} };
    writeFileSync(file, JSON.stringify({ ...old, createdAt: now, updatedAt: now }));
    expect(readRecord(home, "default", "tp99", "alice")).toMatchObject(old);
    expect(resolveEnvironment(home, config, swarmLab, alice, "default").swarm).toBeUndefined();
  });
});
