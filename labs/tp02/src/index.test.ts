import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Lab } from "@labctl/sdk";
import type { Tp02Outputs } from "./outputs";

const loadLab = () => (require("./index") as { default: Lab<Tp02Outputs> }).default;

describe("tp02 lab definition", () => {
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
    expect(lab).toMatchObject({ id: "tp02", platform: "docker", ports: ["web"], handout: "README.md" });
    expect(lab.images).toEqual({ db: "mariadb:11.4", web: "nginx:1.27-alpine" });
    expect(lab.secrets).toEqual(["mariadbRootPassword"]);
    await expect(lab.program()).rejects.toThrow(/@pulumi\/(pulumi|docker) loaded/);
  });

  it("declares the six checks, persistence deep, each explained in the hand-out", () => {
    const lab = loadLab();
    const ids = lab.checks.map((c) => c.id);
    expect(ids).toEqual([
      "db-running",
      "sql-auth",
      "data-volume",
      "web-root-mount",
      "web-content",
      "persistence",
    ]);
    expect(lab.checks.filter((c) => c.deep).map((c) => c.id)).toEqual(["persistence"]);
    expect(lab.totalPoints).toBe(15);
    const handout = readFileSync(join(__dirname, "..", lab.handout), "utf8");
    for (const id of ids) expect(handout).toContain(`\`${id}\``);
  });
});
