import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Lab } from "@labctl/sdk";
import type { Tp04Outputs } from "./outputs";

const loadLab = () => (require("./index") as { default: Lab<Tp04Outputs> }).default;

describe("tp04 lab definition", () => {
  it("declares its images, ports and secrets", () => {
    const lab = loadLab();
    expect(lab).toMatchObject({ id: "tp04", platform: "docker", ports: ["app"], handout: "README.md" });
    expect(lab.secrets).toEqual(["appToken"]);
  });

  it("defaults to the pinned official images the Dockerfile names in its ARG defaults", () => {
    const lab = loadLab();
    expect(lab.images).toEqual({ build: "gcc:13", runtime: "debian:bookworm-slim" });
    const dockerfile = readFileSync(join(__dirname, "..", "app", "Dockerfile"), "utf8");
    expect(dockerfile).toContain(`ARG BUILD_IMAGE=${lab.images.build}\n`);
    expect(dockerfile).toContain(`ARG RUNTIME_IMAGE=${lab.images.runtime}\n`);
  });

  it("declares the eight checks", () => {
    const lab = loadLab();
    const ids = lab.checks.map((c) => c.id);
    expect(ids).toEqual([
      "app-healthy",
      "app-http",
      "non-root",
      "cmd-overridable",
      "image-size",
      "image-layers",
      "no-secrets",
      "dockerfile-rules",
    ]);
    expect(lab.totalPoints).toBe(18);
  });
});
