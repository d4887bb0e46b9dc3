import type { Lab } from "@labctl/sdk";
import type { Tp03Outputs } from "./outputs";

const loadLab = () => (require("./index") as { default: Lab<Tp03Outputs> }).default;

describe("tp03 lab definition", () => {
  it("declares its images, ports and secrets", () => {
    const lab = loadLab();
    expect(lab).toMatchObject({ id: "tp03", platform: "docker", ports: ["ghost"], handout: "README.md" });
    expect(lab.images).toEqual({ ghost: "ghost:5-alpine", mysql: "mysql:8.0" });
    expect(lab.secrets).toEqual(["mysqlRootPassword", "mysqlPassword"]);
  });

  it("declares the six checks", () => {
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
  });
});
