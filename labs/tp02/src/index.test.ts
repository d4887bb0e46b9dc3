import type { Lab } from "@labctl/sdk";
import type { Tp02Outputs } from "./outputs";

const loadLab = () => (require("./index") as { default: Lab<Tp02Outputs> }).default;

describe("tp02 lab definition", () => {
  it("declares its images, ports and secrets", () => {
    const lab = loadLab();
    expect(lab).toMatchObject({ id: "tp02", platform: "docker", ports: ["web"], handout: "README.md" });
    expect(lab.images).toEqual({ db: "mariadb:11.4", web: "nginx:1.27-alpine" });
    expect(lab.secrets).toEqual(["mariadbRootPassword"]);
  });

  it("declares the six checks, persistence deep", () => {
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
  });
});
