import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { recordFile } from "../environment/environment-record";
import { resolveEnvironment } from "../environment/resolve-environment";
import { environmentDir, type LabctlHome } from "../home/labctl-home";
import { portsFile } from "../ports/port-allocator";
import { withEnvironmentLock } from "../state/environment-lock";
import { FakeEngine, fakeHome, fakeLab } from "../test-support/fake-engine";
import { down } from "./down";
import { up } from "./up";

const alice = { id: "alice", name: "Alice" };
const dockerOutputs = (home: LabctlHome) =>
  join(environmentDir(home, "default", "tp99", "alice"), "docker-outputs.json");

async function upAlice() {
  const { home, config } = await fakeHome(2);
  const engine = new FakeEngine();
  const spec = resolveEnvironment(home, config, fakeLab, alice, "default");
  await up(home, engine, spec);
  // What the docker engine saves beside the record (engine-docker's outputs-file.test pins the path).
  writeFileSync(dockerOutputs(home), JSON.stringify({ outputs: { webPassword: "s3cret" }, hosts: [] }));
  return { home, config, engine, spec };
}

describe("down", () => {
  it("forgets every credential it wrote (secrets, docker outputs, record), and nothing else", async () => {
    const { home, engine, spec } = await upAlice();
    const dir = environmentDir(home, "default", "tp99", "alice");
    expect(readdirSync(dir).sort()).toEqual(["docker-outputs.json", "environment.json", "secrets.json"]);
    const ports = readFileSync(portsFile(home));
    const summary = await down(home, engine, spec);
    expect(summary.removed).toHaveLength(1);
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(dockerOutputs(home))).toBe(false);
    expect(readdirSync(dirname(dir))).toEqual([]); // only alice's folder went
    expect(readFileSync(portsFile(home))).toEqual(ports); // ports stay stable for the next up
    expect(readdirSync(join(home.root, "locks"))).toEqual([]);
  });

  it("a corrupt record stops down before the engine runs, and its folder stays", async () => {
    const { home, engine, spec } = await upAlice();
    writeFileSync(recordFile(home, "default", "tp99", "alice"), "nope");
    engine.calls.length = 0;
    await expect(down(home, engine, spec)).rejects.toMatchObject({ code: "STATE_CORRUPT", exitCode: 65 });
    expect(engine.calls).toEqual([]);
    expect(existsSync(join(environmentDir(home, "default", "tp99", "alice"), "secrets.json"))).toBe(true);
  });

  it("refuses to run while another run holds the environment (exit 75)", async () => {
    const { home, engine, spec } = await upAlice();
    engine.calls.length = 0;
    await withEnvironmentLock(home, { classId: "default", lab: "tp99", student: "alice" }, "up", async () => {
      await expect(down(home, engine, spec)).rejects.toMatchObject({ exitCode: 75, code: "LOCKED" });
    });
    expect(engine.calls).toEqual([]);
  });
});
