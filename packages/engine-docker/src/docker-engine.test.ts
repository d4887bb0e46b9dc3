import { loadClassEngine, loadEngine, resolveHome } from "@labctl/core";
import { answeringDockerEngine } from "../../docker/src/test-support/fake-docker-engine";

const home = resolveHome({ LABCTL_HOME: "/nonexistent/labctl-home" });

// Each test sets DOCKER_HOST to prove it is not what the engine uses.
const savedDockerHost = process.env.DOCKER_HOST;
afterEach(() => {
  if (savedDockerHost === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = savedDockerHost;
});

/** A fake engine that answers every call with OK and records the paths asked. */
async function okEngine() {
  const pinged: string[] = [];
  const engine = await answeringDockerEngine((req, res) => {
    pinged.push(req.url ?? "");
    res.end("OK");
  });
  return { engine, pinged };
}

describe("docker engine pre-flight: pings the host in force, not DOCKER_HOST", () => {
  it("answers when the configured engine answers, whatever DOCKER_HOST says", async () => {
    const { engine, pinged } = await okEngine();
    try {
      process.env.DOCKER_HOST = "unix:///nonexistent/other.sock";
      await expect(
        loadEngine("docker", home, { dockerHost: engine.host }).preflight(),
      ).resolves.toBeUndefined();
      expect(pinged).toEqual(["/_ping"]);
    } finally {
      await engine.close();
    }
  });

  it("names the configured host when it is down", async () => {
    process.env.DOCKER_HOST = "tcp://10.9.9.9:2375";
    await expect(
      loadEngine("docker", home, { dockerHost: "unix:///nonexistent/docker.sock" }).preflight(),
    ).rejects.toMatchObject({
      code: "DOCKER_UNREACHABLE",
      exitCode: 2,
      message: expect.stringContaining("Cannot reach the Docker engine at unix:///nonexistent/docker.sock"),
    });
  });
});

describe("docker class engine: the same engine, in this process", () => {
  it("pings the configured host, whatever DOCKER_HOST says, and plans without Docker", async () => {
    const { engine, pinged } = await okEngine();
    try {
      process.env.DOCKER_HOST = "unix:///nonexistent/other.sock";
      const classEngine = loadClassEngine("docker", home, { concurrency: 4, dockerHost: engine.host });
      await expect(classEngine.preflight()).resolves.toBeUndefined();
      expect(pinged).toEqual(["/_ping"]);
      expect(classEngine.plan).toBeDefined();
    } finally {
      await engine.close();
    }
  });
});
