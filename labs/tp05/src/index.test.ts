import type { Lab } from "@labctl/sdk";
import type { Tp05Outputs } from "./outputs";

const loadLab = () => (require("./index") as { default: Lab<Tp05Outputs> }).default;

describe("tp05 lab definition", () => {
  it("declares its images, ports and secrets", () => {
    const lab = loadLab();
    expect(lab).toMatchObject({ id: "tp05", platform: "docker", ports: ["wordpress"], handout: "README.md" });
    expect(lab.images).toEqual({ wordpress: "wordpress:6.6-apache", mariadb: "mariadb:11.4" });
    expect(lab.secrets).toEqual(["mariadbRootPassword", "wordpressDbPassword", "wordpressAdminPassword"]);
  });

  it("declares the seven checks, one of them deep", () => {
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
  });
});
