import { join } from "node:path";
import { type EnvironmentSpec, resolveHome } from "@labctl/core";
import type { Lab } from "@labctl/sdk";
import { pooledDockerEngine } from "./pooled-docker-engine";

const entry = join(__dirname, "test-support", "fake-worker.js");
const home = resolveHome({ LABCTL_HOME: "/nonexistent" });
const spec = (dockerHost?: string) =>
  ({ lab: { id: "tp99" } as Lab, student: { id: "ann", name: "Ann" }, dockerHost }) as EnvironmentSpec;

describe("pooledDockerEngine: the docker host reaches the workers", () => {
  const saved = process.env.DOCKER_HOST;
  afterEach(() => {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  });

  it("every job names the configured host, whatever DOCKER_HOST the worker inherits", async () => {
    process.env.DOCKER_HOST = "tcp://10.9.9.9:2375";
    const engine = pooledDockerEngine({
      home,
      size: 1,
      dockerHost: "ssh://prof@lab-host",
      entry,
      labModule: () => "unused",
    });
    try {
      await expect(engine.preflight()).resolves.toEqual({ dockerHost: "ssh://prof@lab-host" });
      // A spec without a host (built by hand) gets the pool's; one with a host keeps it.
      await expect(engine.up(spec())).resolves.toMatchObject({ dockerHost: "ssh://prof@lab-host" });
      await expect(engine.up(spec("unix:///run/other.sock"))).resolves.toMatchObject({
        dockerHost: "unix:///run/other.sock",
      });
    } finally {
      await engine.close?.();
    }
  });

  it("without a configured host, the parent resolves DOCKER_HOST once and sends it", async () => {
    process.env.DOCKER_HOST = "tcp://10.9.9.9:2375";
    const engine = pooledDockerEngine({ home, size: 1, entry, labModule: () => "unused" });
    try {
      await expect(engine.preflight()).resolves.toEqual({ dockerHost: "tcp://10.9.9.9:2375" });
    } finally {
      await engine.close?.();
    }
  });
});
