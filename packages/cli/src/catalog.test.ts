import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findLab, LABS } from "./catalog";

// What every lab of the catalog must give the CLI. (That listing labs loads no Pulumi module is
// proven on the built CLI in cli-contract.test.ts.)
describe.each(LABS.map((lab) => [lab.id, lab] as const))("lab %s", (id, lab) => {
  it("loads its Pulumi program on demand, as a module whose default export is the program", async () => {
    const mod = await lab.program();
    expect(typeof mod.default).toBe("function");
  });

  it("has a hand-out that explains every check by id", () => {
    const handout = readFileSync(join(__dirname, "..", "..", "..", "labs", id, lab.handout), "utf8");
    for (const check of lab.checks) expect(handout).toContain(`\`${check.id}\``);
  });

  it("gives every check a title, a hint and points", () => {
    for (const check of lab.checks) {
      expect(check.title.length).toBeGreaterThan(0);
      expect(check.hint.length).toBeGreaterThan(20);
      expect(check.points).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("findLab", () => {
  it("answers an unknown id with the available ones", () => {
    expect(() => findLab("tp99")).toThrow(
      expect.objectContaining({
        exitCode: 64,
        advice: expect.stringContaining(LABS.map((l) => l.id).join(", ")),
      }),
    );
  });
});
