import type { Lab } from "@labctl/sdk";
import type { Tp01Outputs } from "./outputs";

const loadLab = () => (require("./index") as { default: Lab<Tp01Outputs> }).default;

describe("tp01 lab definition", () => {
  it("declares its images, ports and secrets", () => {
    const lab = loadLab();
    expect(lab).toMatchObject({ id: "tp01", platform: "docker", ports: ["web"], handout: "README.md" });
    expect(lab.images).toEqual({ web: "nginx:1.27-alpine", hello: "hello-world:latest" });
    expect(lab.secrets).toEqual([]);
  });

  it("declares the four checks", () => {
    const lab = loadLab();
    const ids = lab.checks.map((c) => c.id);
    expect(ids).toEqual(["engine-reachable", "web-running", "web-page", "hello-completed"]);
    expect(lab.totalPoints).toBe(8);
  });
});
