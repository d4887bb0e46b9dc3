import type { Engine, EnvironmentSpec } from "../engine/types";
import { repair } from "./repair";

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
    const summary = await repair(engine, spec);
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
    expect(await repair(engine, spec)).toEqual({
      lab: "tp03",
      student: "alice",
      engine: "docker",
      repaired: false,
      clearedOperations: [],
    });
    expect(engine.preflight).not.toHaveBeenCalled();
  });
});
