import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveHome } from "../home/labctl-home";
import { loadConfig, mapImage } from "./config";

function homeWith(config?: string) {
  const root = mkdtempSync(join(tmpdir(), "labctl-config-"));
  if (config !== undefined) writeFileSync(join(root, "config.yaml"), config);
  return resolveHome({ LABCTL_HOME: root });
}

describe("loadConfig", () => {
  it("defaults without a config file", () => {
    const config = loadConfig(homeWith(), {});
    expect(config).toEqual({
      engine: "pulumi",
      bindAddress: "127.0.0.1",
      portBase: 20000,
      portBlockSize: 100,
      images: {},
    });
  });

  it("reads the file and lets the environment override it", () => {
    const home = homeWith(
      "engine: pulumi\nportBase: 30000\nimages:\n  'nginx:1.27-alpine': mirror.campus/nginx:1.27-alpine\n",
    );
    const mapFile = join(home.root, "map.json");
    writeFileSync(mapFile, JSON.stringify({ "ghost:5-alpine": "local/ghost:5" }));
    const config = loadConfig(home, { LABCTL_ENGINE: "docker", LABCTL_IMAGE_MAP: mapFile });
    expect(config.engine).toBe("docker");
    expect(config.portBase).toBe(30000);
    expect(mapImage(config, "nginx:1.27-alpine")).toBe("mirror.campus/nginx:1.27-alpine");
    expect(mapImage(config, "ghost:5-alpine")).toBe("local/ghost:5");
    expect(mapImage(config, "mysql:8.0")).toBe("mysql:8.0");
  });

  it("names every bad setting with exit code 65", () => {
    const home = homeWith("engine: podman\nbindAddress: everywhere\ncolour: blue\n");
    expect(() => loadConfig(home, {})).toThrow(expect.objectContaining({ exitCode: 65 }));
    expect(() => loadConfig(home, {})).toThrow(
      /engine.*bindAddress.*colour|engine.*colour.*bindAddress|colour/s,
    );
  });

  it("rejects a bad engine given in the environment", () => {
    expect(() => loadConfig(homeWith(), { LABCTL_ENGINE: "podman" })).toThrow(
      /environment \(LABCTL_\*\) is invalid: engine/,
    );
  });

  it("names a missing image map file", () => {
    expect(() => loadConfig(homeWith(), { LABCTL_IMAGE_MAP: "/nope/map.yaml" })).toThrow(
      expect.objectContaining({ exitCode: 66, message: expect.stringContaining("/nope/map.yaml") }),
    );
  });

  it("reports invalid YAML", () => {
    expect(() => loadConfig(homeWith("engine: [docker\n"), {})).toThrow(
      expect.objectContaining({ exitCode: 65 }),
    );
  });
});
