import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { readRecord, recordFile } from "../environment/environment-record";
import { resolveEnvironment } from "../environment/resolve-environment";
import { ExitCode, LabctlError } from "../errors";
import { environmentDir } from "../home/labctl-home";
import { allocatePorts, portsFile } from "../ports/port-allocator";
import { FakeEngine, fakeHome, fakeLab } from "../test-support/fake-engine";
import { up } from "./up";

const alice = { id: "alice", name: "Alice" };

async function setup() {
  const { home, config } = await fakeHome(3);
  const engine = new FakeEngine();
  // another student already has block 0: ports.json exists before the run
  await allocatePorts(home, config, { classId: "default", student: "ann", lab: "tp99", roles: ["web"] });
  const before = readFileSync(portsFile(home));
  return { home, config, engine, before };
}

const listen = (port: number) =>
  new Promise<Server>((resolve) => {
    const server = createServer();
    server.listen(port, "127.0.0.1", () => resolve(server));
  });

describe("up", () => {
  it("records new ports, secrets and the record only once its pre-flight passed", async () => {
    const { home, config, engine } = await setup();
    const spec = resolveEnvironment(home, config, fakeLab, alice, "default");
    expect(JSON.parse(readFileSync(portsFile(home), "utf8")).students).toEqual({ "default/ann": 0 });
    const summary = await up(home, engine, spec);
    expect(summary.ports).toEqual({ web: config.portBase + 100 });
    expect(JSON.parse(readFileSync(portsFile(home), "utf8")).students).toEqual({
      "default/ann": 0,
      "default/alice": 1,
    });
    expect(readRecord(home, "default", "tp99", "alice")?.ports).toEqual(summary.ports);
  });

  it("a refused up (port taken) leaves ports.json byte-identical and writes nothing for the student", async () => {
    const { home, config, engine, before } = await setup();
    const server = await listen(config.portBase + 100); // alice's would-be port
    try {
      const spec = resolveEnvironment(home, config, fakeLab, alice, "default");
      await expect(up(home, engine, spec)).rejects.toMatchObject({ code: "PORT_TAKEN" });
    } finally {
      server.close();
    }
    expect(readFileSync(portsFile(home))).toEqual(before);
    expect(existsSync(environmentDir(home, "default", "tp99", "alice"))).toBe(false);
    expect(engine.calls).toEqual([]);
  });

  it("a refused up (engine down) leaves ports.json byte-identical", async () => {
    const { home, config, engine, before } = await setup();
    engine.preflight = async () => {
      throw new LabctlError("Docker is not reachable.", "start it", ExitCode.infrastructure, "ENGINE_DOWN");
    };
    const spec = resolveEnvironment(home, config, fakeLab, alice, "default");
    await expect(up(home, engine, spec)).rejects.toMatchObject({ code: "ENGINE_DOWN" });
    expect(readFileSync(portsFile(home))).toEqual(before);
    expect(existsSync(environmentDir(home, "default", "tp99", "alice"))).toBe(false);
  });

  it("two ups of the same environment at once: one is refused with exit 75", async () => {
    const { home, config, engine } = await setup();
    engine.delayMs = 200;
    const spec = resolveEnvironment(home, config, fakeLab, alice, "default");
    const runs = await Promise.allSettled([up(home, engine, spec), up(home, engine, spec)]);
    // whichever took the lock first runs; the other is refused
    expect(runs.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(runs.find((r) => r.status === "rejected")).toMatchObject({
      reason: {
        exitCode: 75,
        code: "LOCKED",
        message: expect.stringContaining("tp99/alice (class default) is locked"),
      },
    });
    expect(engine.calls).toEqual(["up alice"]);
  });

  it("a corrupt record stops up before anything changes, naming the file", async () => {
    const { home, config, engine } = await setup();
    await up(home, engine, resolveEnvironment(home, config, fakeLab, alice, "default"));
    const file = recordFile(home, "default", "tp99", "alice");
    writeFileSync(file, "{garbage");
    engine.calls.length = 0;
    const dir = environmentDir(home, "default", "tp99", "alice");
    const files = readdirSync(dir).sort();
    await expect(
      up(home, engine, resolveEnvironment(home, config, fakeLab, alice, "default")),
    ).rejects.toMatchObject({ code: "STATE_CORRUPT", exitCode: 65, message: expect.stringContaining(file) });
    expect(engine.calls).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(files);
    expect(readFileSync(file, "utf8")).toBe("{garbage");
  });

  it("keeps the ports of a student allocated by an earlier run", async () => {
    const { home, config, engine } = await setup();
    const first = await up(home, engine, resolveEnvironment(home, config, fakeLab, alice, "default"));
    const again = await up(home, engine, resolveEnvironment(home, config, fakeLab, alice, "default"));
    expect(again.ports).toEqual(first.ports);
    expect(readdirSync(home.root).sort()).toEqual(["envs", "locks", "ports.json"]);
    expect(join(home.root, "ports.json")).toBe(portsFile(home));
  });
});
