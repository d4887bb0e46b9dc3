import * as http from "node:http";
import type { AddressInfo } from "node:net";
import Docker from "dockerode";
import { swarmProbe } from "./swarm-probe";

/** A service as `GET /services/{id}` answers it (trimmed), mounting config web-conf. */
const SERVICE = {
  ID: "websvc",
  Version: { Index: 31 },
  Spec: {
    Name: "tp07-alice-web",
    Labels: { "dev.labctl.student": "alice" },
    TaskTemplate: {
      ContainerSpec: {
        Image: "nginx:1.27-alpine",
        Configs: [
          { File: { Name: "/etc/nginx/conf.d/default.conf" }, ConfigID: "cfg1", ConfigName: "web-conf" },
        ],
      },
      Networks: [{ Target: "frontnet" }],
    },
    Mode: { Replicated: { Replicas: 3 } },
    EndpointSpec: { Mode: "dnsrr" },
  },
};

interface Call {
  method: string;
  path: string;
  body: unknown;
}

/** A Docker Engine API answering the few routes the probe uses; `calls` records each request. */
async function fakeEngine(route: (call: Call) => { status: number; json?: unknown }) {
  const calls: Call[] = [];
  const server = http.createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => {
      text += chunk;
    });
    req.on("end", () => {
      const call = {
        method: req.method ?? "",
        path: decodeURIComponent(req.url ?? ""),
        body: text ? JSON.parse(text) : undefined,
      };
      calls.push(call);
      const { status, json } = route(call);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(json === undefined ? "" : JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    docker: new Docker({ host: "127.0.0.1", port, protocol: "http" }),
    calls,
    close: () => server.close(),
  };
}

const message = (text: string) => ({ message: text });

describe("swarmProbe over the Engine API", () => {
  it("reads info, a service, its tasks and a config; 404s are undefined or none", async () => {
    const engine = await fakeEngine(({ path }) => {
      if (path === "/info")
        return {
          status: 200,
          json: {
            Swarm: { LocalNodeState: "active", ControlAvailable: true, NodeID: "n1", Nodes: 1, Managers: 1 },
          },
        };
      if (path === "/services/tp07-alice-web") return { status: 200, json: SERVICE };
      if (path.startsWith("/tasks?") && path.includes(`"websvc"`)) {
        return {
          status: 200,
          json: [
            {
              ID: "t1",
              ServiceID: "websvc",
              Slot: 1,
              DesiredState: "running",
              Status: { State: "running" },
              Spec: SERVICE.Spec.TaskTemplate,
            },
          ],
        };
      }
      if (path === "/configs/web-conf") {
        return {
          status: 200,
          json: { ID: "cfg1", Spec: { Name: "web-conf", Data: Buffer.from("server {}").toString("base64") } },
        };
      }
      return { status: 404, json: message("service nope not found") };
    });
    try {
      const probe = swarmProbe(engine.docker);
      expect(await probe.swarm()).toMatchObject({
        localNodeState: "active",
        controlAvailable: true,
        nodeId: "n1",
      });
      expect(await probe.service("tp07-alice-web")).toMatchObject({ id: "websvc", version: 31, replicas: 3 });
      expect(await probe.service("nope")).toBeUndefined();
      const [task] = await probe.tasks("tp07-alice-web");
      expect(task).toMatchObject({ id: "t1", slot: 1, state: "running" });
      expect(engine.calls.find((c) => c.path.startsWith("/tasks"))?.path).toBe(
        '/tasks?filters={"service":["websvc"]}',
      );
      expect(await probe.tasks("nope")).toEqual([]);
      expect(await probe.config("web-conf")).toMatchObject({ id: "cfg1", data: "server {}" });
    } finally {
      engine.close();
    }
  });

  it("rejects off a manager: the engine's 503 is not a missing object", async () => {
    const engine = await fakeEngine(() => ({
      status: 503,
      json: message("This node is not a swarm manager."),
    }));
    try {
      await expect(swarmProbe(engine.docker).service("web")).rejects.toThrow(/not a swarm manager/);
    } finally {
      engine.close();
    }
  });

  it("withServiceConfig: creates the config, repoints the service at each version, restores it and removes the config", async () => {
    let live = structuredClone(SERVICE);
    const engine = await fakeEngine(({ method, path, body }) => {
      if (method === "GET" && path === "/services/tp07-alice-web") return { status: 200, json: live };
      if (method === "POST" && path.startsWith("/configs/create"))
        return { status: 201, json: { ID: "cfg2" } };
      if (method === "POST" && path.startsWith("/services/tp07-alice-web/update")) {
        live = { ...live, Version: { Index: live.Version.Index + 1 }, Spec: body as typeof SERVICE.Spec };
        return { status: 200, json: {} };
      }
      if (method === "DELETE" && path === "/configs/cfg2") return { status: 204 };
      return { status: 404, json: message(`no route ${method} ${path}`) };
    });
    try {
      const labels = { "dev.labctl.student": "alice" };
      const change = { replace: "web-conf", with: { name: "web-conf-rolled", data: "marked", labels } };
      const during = await swarmProbe(engine.docker).withServiceConfig?.(
        "tp07-alice-web",
        change,
        async () => live.Spec.TaskTemplate.ContainerSpec.Configs,
      );
      expect(during).toEqual([
        { File: { Name: "/etc/nginx/conf.d/default.conf" }, ConfigID: "cfg2", ConfigName: "web-conf-rolled" },
      ]);
      // dockerode also copies a create's options into the query string: the engine reads the body.
      expect(
        engine.calls.map((c) => `${c.method} ${c.path.replace(/^\/configs\/create\?.*/, "/configs/create")}`),
      ).toEqual([
        "GET /services/tp07-alice-web",
        "POST /configs/create",
        "GET /services/tp07-alice-web",
        "POST /services/tp07-alice-web/update?version=31",
        "GET /services/tp07-alice-web",
        "POST /services/tp07-alice-web/update?version=32",
        "GET /services/tp07-alice-web",
        "DELETE /configs/cfg2",
      ]);
      expect(engine.calls[1]?.body).toEqual({
        Name: "web-conf-rolled",
        Labels: labels,
        Data: Buffer.from("marked").toString("base64"),
      });
      expect(live.Spec).toEqual(SERVICE.Spec);
    } finally {
      engine.close();
    }
  });

  it("withServiceConfig removes the config only once the way back is over, undoing a rollback to it", async () => {
    type Spec = typeof SERVICE.Spec;
    let live = structuredClone(SERVICE);
    let state: string | undefined;
    // What the engine does between the probe's looks after an update.
    let script: Array<() => void> = [];
    let updates = 0;
    const engine = await fakeEngine(({ method, path, body }) => {
      if (method === "GET") {
        script.shift()?.();
        return { status: 200, json: { ...live, UpdateStatus: state ? { State: state } : undefined } };
      }
      if (path.startsWith("/configs/create")) return { status: 201, json: { ID: "cfg2" } };
      if (path.includes("/update")) {
        updates++;
        const before = live.Spec;
        live = { ...live, Version: { Index: live.Version.Index + 1 }, Spec: body as Spec };
        // The way back is watched twice, then a failure rolls it back to the temporary config.
        if (updates === 2)
          script = [
            () => (state = "updating"),
            () => (state = "updating"),
            () => {
              state = "rollback_completed";
              live = { ...live, Spec: before };
            },
          ];
        if (updates === 3) script = [() => (state = "completed")];
        return { status: 200, json: {} };
      }
      return { status: 204, json: {} };
    });
    try {
      const change = { replace: "web-conf", with: { name: "web-conf-rolled", data: "marked", labels: {} } };
      await swarmProbe(engine.docker).withServiceConfig?.("tp07-alice-web", change, async () => 1);
      expect(engine.calls.map((c) => `${c.method} ${c.path.replace(/\?.*/, "")}`)).toEqual([
        "GET /services/tp07-alice-web",
        "POST /configs/create",
        "GET /services/tp07-alice-web",
        "POST /services/tp07-alice-web/update",
        "GET /services/tp07-alice-web",
        "POST /services/tp07-alice-web/update",
        "GET /services/tp07-alice-web", // updating
        "GET /services/tp07-alice-web", // updating
        "GET /services/tp07-alice-web", // rolled back to the temporary config
        "GET /services/tp07-alice-web",
        "POST /services/tp07-alice-web/update",
        "GET /services/tp07-alice-web", // completed, on its own config
        "DELETE /configs/cfg2",
      ]);
      expect(live.Spec).toEqual(SERVICE.Spec);
    } finally {
      engine.close();
    }
  });

  it("withServiceConfig restores the service even when the check throws", async () => {
    let live = structuredClone(SERVICE);
    const engine = await fakeEngine(({ method, path, body }) => {
      if (method === "GET") return { status: 200, json: live };
      if (path.startsWith("/configs/create")) return { status: 201, json: { ID: "cfg2" } };
      if (path.includes("/update"))
        live = { ...live, Version: { Index: live.Version.Index + 1 }, Spec: body as typeof SERVICE.Spec };
      return { status: path.includes("/update") ? 200 : 204, json: {} };
    });
    try {
      const change = { replace: "web-conf", with: { name: "web-conf-rolled", data: "marked", labels: {} } };
      const boom = async () => {
        throw new Error("boom");
      };
      await expect(
        swarmProbe(engine.docker).withServiceConfig?.("tp07-alice-web", change, boom),
      ).rejects.toThrow("boom");
      expect(live.Spec).toEqual(SERVICE.Spec);
      expect(engine.calls.at(-1)).toMatchObject({ method: "DELETE", path: "/configs/cfg2" });
    } finally {
      engine.close();
    }
  });

  it("withServiceConfig changes nothing when the service does not mount the config", async () => {
    const engine = await fakeEngine(() => ({ status: 200, json: SERVICE }));
    try {
      const change = { replace: "other", with: { name: "x", data: "y", labels: {} } };
      await expect(
        swarmProbe(engine.docker).withServiceConfig?.("tp07-alice-web", change, async () => 1),
      ).rejects.toThrow("service tp07-alice-web does not mount config other");
      expect(engine.calls.map((c) => c.method)).toEqual(["GET"]);
    } finally {
      engine.close();
    }
  });

  it("kill sends SIGKILL, then removes the container; a container already stopped is removed all the same", async () => {
    const engine = await fakeEngine(({ method, path }) =>
      method === "POST" && path.includes("/kill")
        ? { status: 409, json: message("container is not running") }
        : { status: 204 },
    );
    try {
      await swarmProbe(engine.docker).kill?.("c1");
      expect(engine.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
        "POST /containers/c1/kill?signal=SIGKILL",
        "DELETE /containers/c1?force=true",
      ]);
    } finally {
      engine.close();
    }
  });
});
