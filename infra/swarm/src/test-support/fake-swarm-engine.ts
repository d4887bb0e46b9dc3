import type http from "node:http";
import { dockerClient } from "@labctl/docker";
import type Dockerode from "dockerode";
import { answeringDockerEngine } from "../../../../packages/docker/src/test-support/fake-docker-engine";

/** The swarm side of a fake engine: what `GET /info` says, and what the swarm holds. */
export interface FakeSwarm {
  state: "inactive" | "pending" | "active" | "error" | "locked";
  manager: boolean;
  clusterId: string;
  nodes: number;
  labels: Record<string, string>;
  kernel: string;
  services: object[];
  secrets: object[];
  configs: object[];
  networks: object[];
  /** Answer `swarm init` with this error (status, message) instead of creating a swarm. */
  initError?: [number, string];
  /** Bodies of the `swarm init` calls, and `leave` calls seen (with their query). */
  inits: Record<string, unknown>[];
  leaves: string[];
}

export function fakeSwarm(over: Partial<FakeSwarm> = {}): FakeSwarm {
  return {
    state: "inactive",
    manager: false,
    clusterId: "",
    nodes: 0,
    labels: {},
    kernel: "6.1.0-fake",
    services: [],
    secrets: [],
    configs: [],
    networks: [{ Name: "bridge", Scope: "local" }],
    inits: [],
    leaves: [],
    ...over,
  };
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

/** An engine on a unix socket answering the Swarm calls labctl makes, from (and into) `swarm`. */
export async function fakeSwarmEngine(
  swarm: FakeSwarm,
): Promise<{ docker: Dockerode; host: string; close(): Promise<void> }> {
  const engine = await answeringDockerEngine((req, res) => {
    const url = new URL(req.url ?? "/", "http://docker");
    const path = url.pathname.replace(/^\/v[\d.]+/, "");
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const key = `${req.method} ${path}`;
      const inSwarm = swarm.state === "active";
      const manager = inSwarm && swarm.manager;
      const noSwarm = () => json(res, 503, { message: "This node is not a swarm manager." });
      switch (key) {
        case "GET /info":
          return json(res, 200, {
            KernelVersion: swarm.kernel,
            Swarm: {
              LocalNodeState: swarm.state,
              ControlAvailable: manager,
              NodeAddr: inSwarm ? "192.0.2.2" : "",
              ...(manager && { Nodes: swarm.nodes, Cluster: { ID: swarm.clusterId } }),
            },
          });
        case "POST /swarm/init": {
          swarm.inits.push(JSON.parse(body || "{}"));
          if (swarm.initError) return json(res, swarm.initError[0], { message: swarm.initError[1] });
          if (swarm.state !== "inactive")
            return json(res, 503, { message: "This node is already part of a swarm." });
          const spec = (swarm.inits.at(-1) as { Spec?: { Labels?: Record<string, string> } }).Spec;
          Object.assign(swarm, {
            state: "active",
            manager: true,
            nodes: 1,
            clusterId: `cluster-${swarm.inits.length}`,
            labels: spec?.Labels ?? {},
          });
          return json(res, 200, "node-1");
        }
        case "GET /swarm":
          return manager
            ? json(res, 200, { ID: swarm.clusterId, Spec: { Labels: swarm.labels } })
            : noSwarm();
        case "POST /swarm/leave":
          swarm.leaves.push(url.search);
          if (!inSwarm) return json(res, 503, { message: "This node is not part of a swarm" });
          Object.assign(swarm, { state: "inactive", manager: false, nodes: 0, clusterId: "", labels: {} });
          return json(res, 200, {});
        case "GET /services":
          return manager ? json(res, 200, swarm.services) : noSwarm();
        case "GET /secrets":
          return manager ? json(res, 200, swarm.secrets) : noSwarm();
        case "GET /configs":
          return manager ? json(res, 200, swarm.configs) : noSwarm();
        case "GET /networks":
          return json(res, 200, swarm.networks);
        default:
          return json(res, 404, { message: `fake engine: no ${key}` });
      }
    });
  });
  return { docker: dockerClient(engine.host), host: engine.host, close: engine.close };
}
