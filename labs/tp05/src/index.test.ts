import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Lab } from "@labctl/sdk";
import type { Tp05Outputs } from "./outputs";

const loadLab = () => (require("./index") as { default: Lab<Tp05Outputs> }).default;

describe("tp05 lab definition", () => {
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
    expect(lab).toMatchObject({ id: "tp05", platform: "docker", ports: ["wordpress"], handout: "README.md" });
    expect(lab.images).toEqual({ wordpress: "wordpress:6.6-apache", mariadb: "mariadb:11.4" });
    expect(lab.secrets).toEqual(["mariadbRootPassword", "wordpressDbPassword", "wordpressAdminPassword"]);
    await expect(lab.program()).rejects.toThrow(/@pulumi\/(pulumi|docker) loaded/);
  });

  it("loads the program module with its default export", async () => {
    const mod = await loadLab().program();
    expect(mod.default).toBe((require("./program") as { default: unknown }).default);
  });

  it("declares the seven checks, one of them deep, each explained in the hand-out", () => {
    const lab = loadLab();
    const ids = lab.checks.map((c) => c.id);
    expect(ids).toEqual([
      "mariadb-running",
      "wordpress-http",
      "wordpress-db",
      "db-variables",
      "mariadb-not-published",
      "volumes",
      "wordpress-install",
    ]);
    expect(lab.checks.filter((c) => c.deep).map((c) => c.id)).toEqual(["wordpress-install"]);
    expect(lab.totalPoints).toBe(19);
    const handout = readFileSync(join(__dirname, "..", lab.handout), "utf8");
    for (const id of ids) expect(handout).toContain(`\`${id}\``);
  });
});
