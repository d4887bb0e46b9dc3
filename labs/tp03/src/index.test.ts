import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Lab } from "@labctl/sdk";
import type { Tp03Outputs } from "./outputs";

const loadLab = () => (require("./index") as { default: Lab<Tp03Outputs> }).default;

describe("tp03 lab definition", () => {
  afterEach(() => {
    jest.resetModules();
    jest.dontMock("@pulumi/pulumi");
    jest.dontMock("@pulumi/docker");
  });

  it("loads without Pulumi; only the program needs it", async () => {
    for (const mod of ["@pulumi/pulumi", "@pulumi/docker"]) {
      jest.doMock(mod, () => {
        throw new Error(`${mod} loaded`);
      });
    }
    const lab = loadLab();
    expect(lab).toMatchObject({ id: "tp03", platform: "docker", ports: ["ghost"], handout: "README.md" });
    expect(lab.images).toEqual({ ghost: "ghost:5-alpine", mysql: "mysql:8.0" });
    expect(lab.secrets).toEqual(["mysqlRootPassword", "mysqlPassword"]);
    await expect(lab.program()).rejects.toThrow(/@pulumi\/(pulumi|docker) loaded/);
  });

  it("loads the program module with its default export", async () => {
    const mod = await loadLab().program();
    expect(mod.default).toBe((require("./program") as { default: unknown }).default);
  });

  it("declares the six checks, each explained in the hand-out", () => {
    const lab = loadLab();
    const ids = lab.checks.map((c) => c.id);
    expect(ids).toEqual([
      "mysql-running",
      "ghost-http",
      "ghost-schema",
      "mysql-not-published",
      "network-dns",
      "data-volume",
    ]);
    expect(lab.totalPoints).toBe(15);
    const handout = readFileSync(join(__dirname, "..", lab.handout), "utf8");
    for (const id of ids) expect(handout).toContain(`\`${id}\``);
  });
});
