import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Lab } from "@labctl/sdk";
import type { Tp01Outputs } from "./outputs";

const loadLab = () => (require("./index") as { default: Lab<Tp01Outputs> }).default;

describe("tp01 lab definition", () => {
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
    expect(lab).toMatchObject({ id: "tp01", platform: "docker", ports: ["web"], handout: "README.md" });
    expect(lab.images).toEqual({ web: "nginx:1.27-alpine", hello: "hello-world:latest" });
    expect(lab.secrets).toEqual([]);
    await expect(lab.program()).rejects.toThrow(/@pulumi\/(pulumi|docker) loaded/);
  });

  it("loads the program module with its default export", async () => {
    const mod = await loadLab().program();
    expect(mod.default).toBe((require("./program") as { default: unknown }).default);
  });

  it("declares the four checks, each explained in the hand-out", () => {
    const lab = loadLab();
    const ids = lab.checks.map((c) => c.id);
    expect(ids).toEqual(["engine-reachable", "web-running", "web-page", "hello-completed"]);
    expect(lab.totalPoints).toBe(8);
    const handout = readFileSync(join(__dirname, "..", lab.handout), "utf8");
    for (const id of ids) expect(handout).toContain(`\`${id}\``);
  });
});
