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
      swarmPublishing: "auto",
      dockerHost: "unix:///var/run/docker.sock",
      dockerHostSource: "default",
      origin: { file: undefined, engine: "default", images: { config: 0 } },
    });
  });

  it("reads the Swarm publishing choice and refuses an unknown one", () => {
    expect(loadConfig(homeWith("swarmPublishing: mesh\n"), {}).swarmPublishing).toBe("mesh");
    expect(() => loadConfig(homeWith("swarmPublishing: ingress\n"), {})).toThrow(/swarmPublishing/);
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

  it("says where the engine, the file and the image map came from (doctor shows it)", () => {
    const home = homeWith("engine: docker\nimages:\n  'a:1': m/a:1\n  'b:1': m/b:1\n");
    const mapFile = join(home.root, "map.yaml");
    writeFileSync(mapFile, "'c:1': m/c:1\n");
    expect(loadConfig(home, {}).origin).toEqual({
      file: home.configFile,
      engine: "config",
      images: { config: 2 },
    });
    expect(loadConfig(home, { LABCTL_ENGINE: "pulumi", LABCTL_IMAGE_MAP: mapFile }).origin).toEqual({
      file: home.configFile,
      engine: "LABCTL_ENGINE",
      images: { config: 2, imageMap: { file: mapFile, entries: 1 } },
    });
  });
});

describe("loadConfig: the Docker host", () => {
  const file = "dockerHost: unix:///run/config.sock\n";

  it("is always resolved: --docker-host > DOCKER_HOST > config.yaml > the local socket", () => {
    const home = homeWith(file);
    const flags = { dockerHost: "ssh://prof@flag-host" };
    const env = { DOCKER_HOST: "tcp://10.0.0.5:2375" };
    const pick = (c: { dockerHost: string; dockerHostSource: string }) => [c.dockerHost, c.dockerHostSource];
    expect(pick(loadConfig(home, env, flags))).toEqual(["ssh://prof@flag-host", "flag"]);
    expect(pick(loadConfig(home, env))).toEqual(["tcp://10.0.0.5:2375", "DOCKER_HOST"]);
    expect(pick(loadConfig(home, {}))).toEqual(["unix:///run/config.sock", "config"]);
    expect(pick(loadConfig(homeWith(), {}))).toEqual(["unix:///var/run/docker.sock", "default"]);
  });

  it("refuses a bad one with the exit code of where it came from, never 'Invalid URL'", () => {
    const home = homeWith("dockerHost: 'tcp://'\n");
    const bad = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        return e as { exitCode: number; message: string };
      }
      throw new Error("accepted");
    };
    const fromFile = bad(() => loadConfig(home, {}));
    expect(fromFile).toMatchObject({
      exitCode: 65,
      message: expect.stringContaining(`${home.configFile}: dockerHost "tcp://"`),
    });
    expect(bad(() => loadConfig(homeWith(), { DOCKER_HOST: "tcp://" }))).toMatchObject({
      exitCode: 65,
      message: expect.stringMatching(/^DOCKER_HOST=tcp:\/\/ is not a Docker host/),
    });
    expect(bad(() => loadConfig(homeWith(), {}, { dockerHost: "tcp://x y" }))).toMatchObject({
      exitCode: 64,
      message: expect.stringMatching(/^--docker-host "tcp:\/\/x y" is not a Docker host/),
    });
    for (const e of [fromFile]) expect(e.message).not.toMatch(/Invalid URL/);
  });
});
