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

  it("declares the eight checks", () => {
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
  });
});
