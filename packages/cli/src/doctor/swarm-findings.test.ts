import { mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, resolveHome } from "@labctl/core";
import { defineLab, type Lab } from "@labctl/sdk";
import type { DoctorFinding } from "./diagnostics";
import { dockerFindings } from "./docker-findings";

const swarmLab: Lab = defineLab({
  id: "tp98",
  title: { en: "Swarm", fr: "Swarm" },
  platform: "swarm",
  images: {},
  ports: [],
  secrets: [],
  program: async () => ({ default: () => ({}) }),
  handout: "README.md",
  checks: [],
});
const dockerLab: Lab = { ...swarmLab, id: "tp97", platform: "docker" };

/** An engine on a unix socket answering doctor's calls; `/info` says `swarm`. */
async function engineWith(swarm: Record<string, unknown>) {
  const socket = join(mkdtempSync(join(tmpdir(), "labctl-doctor-swarm-sock-")), "docker.sock");
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]?.replace(/^\/v[\d.]+/, "");
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    if (path === "/_ping") return send(200, "OK");
    if (path === "/version") return send(200, { Version: "27.0.0", ApiVersion: "1.46" });
    if (path === "/info") return send(200, { KernelVersion: "5.15.0-vm", Swarm: swarm });
    if (path === "/swarm") return send(200, { Spec: { Labels: {} } });
    return send(404, { message: "no" });
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    host: `unix://${socket}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function findingsFor(swarm: Record<string, unknown>, labs: Lab[], configYaml = "") {
  const engine = await engineWith(swarm);
  try {
    const home = resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-doctor-swarm-")) });
    writeFileSync(home.configFile, configYaml);
    const config = loadConfig(home, {}, { dockerHost: engine.host });
    return await dockerFindings(config, labs, {}, home);
  } finally {
    await engine.close();
  }
}

const byName = (findings: DoctorFinding[], name: string) => findings.find((f) => f.name === name);

describe("doctor's swarm findings", () => {
  it("an engine in no swarm: says labctl makes one, and the publishing mode with its reason", async () => {
    const findings = await findingsFor({ LocalNodeState: "inactive" }, [swarmLab]);
    expect(byName(findings, "swarm")).toMatchObject({
      status: "ok",
      detail: expect.stringMatching(/^not in a swarm/),
    });
    expect(byName(findings, "swarm publish")?.detail).toMatch(
      /^host: the engine runs in a VM.*swarmPublishing: mesh/,
    );
  });

  it("a manager labctl did not create, with the configured mode", async () => {
    const swarm = {
      LocalNodeState: "active",
      ControlAvailable: true,
      NodeAddr: "10.0.0.5",
      Nodes: 1,
      Cluster: { ID: "c" },
    };
    const findings = await findingsFor(swarm, [swarmLab], "swarmPublishing: mesh\n");
    expect(byName(findings, "swarm")?.detail).toMatch(
      /this node is a manager \(10\.0\.0\.5, 1 node\(s\)\); not created by labctl/,
    );
    expect(byName(findings, "swarm publish")?.detail).toBe("mesh: swarmPublishing: mesh in config.yaml");
  });

  it("a worker node: a warning with what to do", async () => {
    const findings = await findingsFor({ LocalNodeState: "active", ControlAvailable: false }, [swarmLab]);
    expect(byName(findings, "swarm")).toMatchObject({
      status: "warn",
      detail: expect.stringContaining("worker"),
    });
  });

  it("no swarm lab in the catalog: nothing about Swarm", async () => {
    const findings = await findingsFor({ LocalNodeState: "inactive" }, [dockerLab]);
    expect(byName(findings, "swarm")).toBeUndefined();
  });
});
