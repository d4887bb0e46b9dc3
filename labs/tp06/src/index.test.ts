import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Lab } from "@labctl/sdk";
import type { Tp06Outputs } from "./outputs";

const loadLab = () => (require("./index") as { default: Lab<Tp06Outputs> }).default;

describe("tp06 lab definition", () => {
  afterEach(() => {
    jest.resetModules();
    jest.dontMock("@pulumi/pulumi");
    jest.dontMock("@pulumi/docker");
    jest.dontMock("bcryptjs");
  });

  it("loads without Pulumi; only the program needs it", async () => {
    for (const mod of ["@pulumi/pulumi", "@pulumi/docker", "bcryptjs"]) {
      jest.doMock(mod, () => {
        throw new Error(`${mod} loaded`);
      });
    }
    const lab = loadLab();
    expect(lab).toMatchObject({ id: "tp06", platform: "docker", ports: ["registry"], handout: "README.md" });
    expect(lab.images).toEqual({ registry: "registry:2.8" });
    expect(lab.secrets).toEqual(["registryPassword"]);
    await expect(lab.program()).rejects.toThrow(/(@pulumi\/(pulumi|docker)|bcryptjs) loaded/);
  });

  it("loads the program module with its default export", async () => {
    const mod = await loadLab().program();
    expect(mod.default).toBe((require("./program") as { default: unknown }).default);
  });

  it("declares the eight checks, each explained in the hand-out", () => {
    const lab = loadLab();
    const ids = lab.checks.map((c) => c.id);
    expect(ids).toEqual([
      "registry-running",
      "auth-required",
      "login",
      "anonymous-push-refused",
      "http-round-trip",
      "catalog",
      "storage-volume",
      "engine-round-trip",
    ]);
    expect(lab.totalPoints).toBe(21);
    const handout = readFileSync(join(__dirname, "..", lab.handout), "utf8");
    for (const id of ids) expect(handout).toContain(`\`${id}\``);
  });
});
