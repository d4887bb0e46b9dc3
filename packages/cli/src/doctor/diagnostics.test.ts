import { mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, resolveHome } from "@labctl/core";
import { type DoctorFinding, runDiagnostics } from "./diagnostics";

/** A wedged dockerd: accepts connections on a unix socket, never answers. */
async function wedged(): Promise<{ host: string; close: () => Promise<void> }> {
  const path = join(mkdtempSync(join(tmpdir(), "labctl-doctor-")), "docker.sock");
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return {
    host: `unix://${path}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const homeWith = (config?: string) => {
  const home = resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-doctor-home-")) });
  if (config !== undefined) writeFileSync(home.configFile, config);
  return home;
};

const find = (findings: DoctorFinding[], name: string) => findings.find((f) => f.name === name);

describe("runDiagnostics", () => {
  it("against a wedged engine: ends within its ping budget, the docker finding names the host and the wait", async () => {
    const engine = await wedged();
    try {
      const home = homeWith();
      const start = Date.now();
      const findings = await runDiagnostics(home, () => loadConfig(home, {}, { dockerHost: engine.host }), {
        budgets: { pingMs: 300 },
      });
      // The budget (0.3 s, named in the message below) ended it; without one it would hang until
      // jest's timeout. The margin is for a loaded 2-core machine (1.8 s was seen under two runs).
      expect(Date.now() - start).toBeLessThan(5_000);
      expect(find(findings, "docker host")).toEqual({
        name: "docker host",
        status: "ok",
        detail: `${engine.host} (from --docker-host)`,
      });
      expect(find(findings, "docker")).toMatchObject({
        status: "fail",
        detail: expect.stringContaining(
          `The Docker engine at ${engine.host} did not answer within 0.3 s (GET /_ping).`,
        ),
      });
      expect(findings.some((f) => f.name.startsWith("images "))).toBe(false);
    } finally {
      await engine.close();
    }
  });

  it("shows the config file read, the engine, the docker host and the image map, each with its source", async () => {
    const home = homeWith(
      "engine: docker\ndockerHost: unix:///nonexistent/labctl.sock\nimages:\n  'mysql:8.0': m/mysql:8\n",
    );
    const findings = await runDiagnostics(home, () => loadConfig(home, {}), { budgets: { pingMs: 300 } });
    expect(find(findings, "config")?.detail).toBe(`read ${home.configFile}`);
    expect(find(findings, "engine")?.detail).toBe("docker (from engine in config.yaml)");
    expect(find(findings, "docker host")?.detail).toBe(
      `unix:///nonexistent/labctl.sock (from dockerHost in ${home.configFile})`,
    );
    expect(find(findings, "image map")?.detail).toBe("1 entry in force (1 from config.yaml)");
    expect(find(findings, "docker")).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("Cannot reach the Docker engine at unix:///nonexistent/labctl.sock"),
    });
  });

  it("without a config file: defaults, and the docker host from DOCKER_HOST", async () => {
    const home = homeWith();
    const findings = await runDiagnostics(home, () =>
      loadConfig(home, { DOCKER_HOST: "unix:///nonexistent/env.sock" }),
    );
    expect(find(findings, "config")?.detail).toBe(`defaults (no ${home.configFile})`);
    expect(find(findings, "engine")?.detail).toMatch(/^pulumi \(the default/);
    expect(find(findings, "docker host")?.detail).toBe("unix:///nonexistent/env.sock (from DOCKER_HOST)");
    expect(find(findings, "image map")?.detail).toBe("none: lab images are used as published");
  });

  it("a bad config is a finding; a bad --docker-host is a usage error", async () => {
    const home = homeWith("dockerHost: 'tcp://'\n");
    const findings = await runDiagnostics(home, () => loadConfig(home, {}));
    expect(find(findings, "config")).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("tcp:// needs a host"),
    });
    expect(find(findings, "docker")?.status).toBe("warn");
    await expect(
      runDiagnostics(homeWith(), () => loadConfig(homeWith(), {}, { dockerHost: "tcp://" })),
    ).rejects.toMatchObject({
      exitCode: 64,
    });
  });
});
