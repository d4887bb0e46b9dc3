import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Engine, EnvironmentSpec } from "../engine/types";
import { resolveHome } from "../home/labctl-home";
import { withEnvironmentLock } from "../state/environment-lock";
import { repair } from "./repair";

const home = resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-repair-")) });

const spec = {
  lab: { id: "tp03" },
  student: { id: "alice" },
  classId: "default",
} as unknown as EnvironmentSpec;

describe("repair", () => {
  it("asks an engine with state to repair the environment", async () => {
    const calls: string[] = [];
    const engine = {
      name: "pulumi",
      preflight: async () => void calls.push("preflight"),
      repair: async () => {
        calls.push("repair");
        return {
          found: true,
          clearedOperations: [
            { operation: "creating", type: "docker:index/container:Container", name: "ghost" },
          ],
        };
      },
    } as unknown as Engine;
    const summary = await repair(home, engine, spec);
    expect(calls).toEqual(["preflight", "repair"]);
    expect(summary).toEqual({
      lab: "tp03",
      student: "alice",
      engine: "pulumi",
      repaired: true,
      clearedOperations: [{ operation: "creating", type: "docker:index/container:Container", name: "ghost" }],
    });
  });

  it("has nothing to repair with an engine that keeps no state", async () => {
    const engine = { name: "docker", preflight: jest.fn() } as unknown as Engine;
    expect(await repair(home, engine, spec)).toEqual({
      lab: "tp03",
      student: "alice",
      engine: "docker",
      repaired: false,
      clearedOperations: [],
    });
    expect(engine.preflight).not.toHaveBeenCalled();
  });

  it("does not repair under a live run of the same environment (exit 75)", async () => {
    const engineRepair = jest.fn();
    const engine = { name: "pulumi", preflight: jest.fn(), repair: engineRepair } as unknown as Engine;
    await withEnvironmentLock(home, { classId: "default", lab: "tp03", student: "alice" }, "up", async () => {
      await expect(repair(home, engine, spec)).rejects.toMatchObject({ exitCode: 75, code: "LOCKED" });
    });
    expect(engineRepair).not.toHaveBeenCalled();
  });
});
