import { loadEngine, resolveHome } from "@labctl/core";
import { answeringDockerEngine } from "../../docker/src/test-support/fake-docker-engine";

const home = resolveHome({ LABCTL_HOME: "/nonexistent/labctl-home" });

describe("docker engine pre-flight: pings the host in force, not DOCKER_HOST", () => {
  const saved = process.env.DOCKER_HOST;
  afterEach(() => {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  });

  it("answers when the configured engine answers, whatever DOCKER_HOST says", async () => {
    const pinged: string[] = [];
    const engine = await answeringDockerEngine((req, res) => {
      pinged.push(req.url ?? "");
      res.end("OK");
    });
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
