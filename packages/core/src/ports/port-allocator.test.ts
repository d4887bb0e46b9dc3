import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveHome } from "../home/labctl-home";
import { finished, spawnTs } from "../state/test-support/spawn-ts";
import { allocatePorts, commitChecked, commitPorts, planPorts, portsFile, portsFor } from "./port-allocator";

const layout = { portBase: 20000, portBlockSize: 100 };
const newHome = () => resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-ports-")) });
const env = (student: string, lab = "tp03", roles = ["ghost"]) => ({ classId: "c", student, lab, roles });

describe("allocatePorts", () => {
  it("gives each student a block and each lab a window, in order of first use", async () => {
    const home = newHome();
    expect(await allocatePorts(home, layout, env("alice"))).toEqual({ ghost: 20000 });
    expect(await allocatePorts(home, layout, env("bob"))).toEqual({ ghost: 20100 });
    expect(await allocatePorts(home, layout, env("alice", "tp01", ["web", "api"]))).toEqual({
      web: 20010,
      api: 20011,
    });
  });

  it("is stable across calls and when the roster grows", async () => {
    const home = newHome();
    const before = await allocatePorts(home, layout, env("bob"));
    await allocatePorts(home, layout, env("aaron"));
    expect(await allocatePorts(home, layout, env("bob"))).toEqual(before);
  });

  it("can look without claiming", async () => {
    const home = newHome();
    expect(portsFor(home, layout, env("zed"))).toEqual({ ghost: 20000 });
    expect(existsSync(portsFile(home))).toBe(false);
    expect(await allocatePorts(home, layout, env("amy"))).toEqual({ ghost: 20000 });
  });

  it("refuses layouts that run past the last port", async () => {
    const home = newHome();
    await expect(allocatePorts(home, { portBase: 65530, portBlockSize: 100 }, env("a"))).rejects.toThrow(
      /No host ports left/,
    );
  });

  it("refuses ids that are not slugs before computing anything", () => {
    expect(() => portsFor(newHome(), layout, env("../x"))).toThrow(/not a valid student id/);
  });
});

describe("port plans", () => {
  it("a roster that overflows the port range mid-way writes nothing", () => {
    const home = newHome();
    const roster = Array.from({ length: 10_000 }, (_, i) => env(`s${i}`));
    expect(() => planPorts(home, layout, roster)).toThrow(/No host ports left for student block 456/);
    expect(existsSync(portsFile(home))).toBe(false);
  });

  it("a plan refused by its check leaves ports.json byte-identical", async () => {
    const home = newHome();
    await allocatePorts(home, layout, env("ann"));
    const before = readFileSync(portsFile(home));
    const refused = commitChecked(home, planPorts(home, layout, [env("bob"), env("cid")]), async () => {
      throw new Error("port taken");
    });
    await expect(refused).rejects.toThrow("port taken");
    expect(readFileSync(portsFile(home))).toEqual(before);
  });

  it("a plan made stale by another run is re-planned and re-checked, never written as it was", async () => {
    const home = newHome();
    const plan = planPorts(home, layout, [env("bob")]);
    await allocatePorts(home, layout, env("ann")); // another run takes block 0 meanwhile
    expect((await commitPorts(home, plan)).committed).toBe(false);
    const checked: number[] = [];
    const stale = planPorts(resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "x-")) }), layout, [
      env("bob"),
    ]);
    const committed = await commitChecked(
      home,
      stale,
      async (p) => void checked.push(p.ports[0]?.ghost as number),
    );
    expect(checked).toEqual([20000, 20100]);
    expect(committed.ports).toEqual([{ ghost: 20100 }]);
    expect(JSON.parse(readFileSync(portsFile(home), "utf8")).students).toEqual({ "c/ann": 0, "c/bob": 1 });
  });

  it("a corrupt ports.json is a STATE_CORRUPT error naming it, never a fresh start", async () => {
    const home = newHome();
    writeFileSync(portsFile(home), '{"students": {"c/a": "zero"}, "labs": {}}');
    expect(() => portsFor(home, layout, env("a"))).toThrow(
      expect.objectContaining({
        code: "STATE_CORRUPT",
        exitCode: 65,
        message: expect.stringContaining(portsFile(home)),
      }),
    );
  });
});

describe("allocation across processes", () => {
  it("four processes allocating at once never lose or share a block", async () => {
    const home = newHome();
    const children = ["p", "q", "r", "s"].map((prefix) =>
      finished(spawnTs("allocate-ports-child.ts", [home.root, prefix, "10"])),
    );
    const results = (await Promise.all(children)).map((out) => JSON.parse(out) as Record<string, number>);
    const all = Object.assign({}, ...results) as Record<string, number>;
    expect(Object.keys(all)).toHaveLength(40);
    expect(new Set(Object.values(all)).size).toBe(40);
    const recorded = JSON.parse(readFileSync(portsFile(home), "utf8")).students as Record<string, number>;
    expect(Object.keys(recorded)).toHaveLength(40);
    for (const [student, port] of Object.entries(all))
      expect(20000 + (recorded[`race/${student}`] as number) * 10).toBe(port);
  }, 60_000);
});
