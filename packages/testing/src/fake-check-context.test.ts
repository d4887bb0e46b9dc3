import {
  containerView,
  fakeCheckContext,
  networkError,
  networkView,
  serviceView,
  swarmView,
  taskView,
  volumeView,
} from "./fake-check-context";

describe("fakeCheckContext", () => {
  const web = containerView({ name: "tp99-alice-web", labels: { "dev.labctl.lab": "tp99" } });
  const ctx = fakeCheckContext({
    outputs: { url: "http://localhost:1" },
    containers: [web, containerView({ name: "other" })],
    volumes: [volumeView({ name: "data" })],
    networks: [networkView({ name: "net" })],
    exec: (container, cmd) => ({ exitCode: 0, stdout: `${container}:${cmd.join(" ")}`, stderr: "" }),
    http: (url) => ({ status: 200, headers: {}, body: url }),
  });

  it("answers lookups from its tables and undefined for missing objects", async () => {
    expect(await ctx.docker.container("tp99-alice-web")).toBe(web);
    expect(await ctx.docker.container("tp99-alice-web-id")).toBe(web);
    expect(await ctx.docker.container("nope")).toBeUndefined();
    expect((await ctx.docker.volume("data"))?.driver).toBe("local");
    expect(await ctx.docker.network("missing")).toBeUndefined();
    expect(await ctx.docker.image("nginx")).toBeUndefined();
    expect(await ctx.docker.containersWithLabels({ "dev.labctl.lab": "tp99" })).toEqual([web]);
  });

  it("routes exec and http to the handlers", async () => {
    expect((await ctx.docker.exec("c", ["echo", "hi"])).stdout).toBe("c:echo hi");
    expect((await ctx.http.request("http://x/")).body).toBe("http://x/");
    expect(ctx.name("db")).toBe("tp99-alice-db");
  });

  it("rejects without handlers and when the engine is down", async () => {
    const bare = fakeCheckContext({
      outputs: {},
      dockerError: networkError("ENOENT", "connect ENOENT /var/run/docker.sock"),
    });
    await expect(bare.docker.container("x")).rejects.toThrow(/docker.sock/);
    await expect(fakeCheckContext({ outputs: {} }).docker.exec("c", ["ls"])).rejects.toThrow(
      /no exec handler/,
    );
    await expect(bare.http.request("http://x/")).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  it("serves logs from its table and offers withReplica only with a handler", async () => {
    const deep = fakeCheckContext({
      outputs: {},
      logs: { job: "Hello\n" },
      withReplica: (name, use) => use(`${name}-replica`),
    });
    expect(await deep.docker.logs("job")).toBe("Hello\n");
    expect(await deep.docker.logs("nope")).toBeUndefined();
    expect(await deep.docker.withReplica?.("db", async (replica) => replica.toUpperCase())).toBe(
      "DB-REPLICA",
    );
    expect(ctx.docker.withReplica).toBeUndefined();
  });

  it("offers run only with a handler, which gets the image and options", async () => {
    const withRun = fakeCheckContext({
      outputs: {},
      run: (image, opts) => ({ exitCode: 0, logs: `${image} ${opts.cmd?.join(" ")}`, timedOut: false }),
    });
    expect(await withRun.docker.run?.("app:1", { cmd: ["version"], labels: {} })).toEqual({
      exitCode: 0,
      logs: "app:1 version",
      timedOut: false,
    });
    expect(ctx.docker.run).toBeUndefined();
  });

  it("offers image pull, push and remove only with a handler, which sees each call", async () => {
    const calls: string[] = [];
    const withImages = fakeCheckContext({
      outputs: {},
      imageTransfer: (op, ref, auth) => {
        calls.push(`${op} ${ref} ${auth?.username ?? "-"}`);
      },
    });
    const auth = { username: "alice", password: "p", serveraddress: "127.0.0.1:5000" };
    await withImages.docker.pullImage?.("127.0.0.1:5000/a:1", auth);
    await withImages.docker.pushImage?.("127.0.0.1:5000/a:1");
    await withImages.docker.removeImage?.("127.0.0.1:5000/a:1");
    expect(calls).toEqual([
      "pull 127.0.0.1:5000/a:1 alice",
      "push 127.0.0.1:5000/a:1 -",
      "remove 127.0.0.1:5000/a:1 -",
    ]);
    expect(ctx.docker.pullImage).toBeUndefined();
  });

  it("builds container views whose status drives running", () => {
    const exited = containerView({ name: "job", state: { status: "exited", exitCode: 3 } });
    expect(exited.state).toEqual({ status: "exited", running: false, exitCode: 3 });
    expect(containerView().state.running).toBe(true);
  });

  it("serves Swarm tables on a manager, and refuses them off one as the engine does (503)", async () => {
    const web = serviceView({ name: "tp99-alice-web", replicas: 3 });
    const task = taskView(web, { slot: 2 });
    const config = { id: "c1", name: "web-conf", labels: {}, data: "server {}" };
    const manager = fakeCheckContext({
      outputs: {},
      swarm: swarmView(),
      services: [web],
      tasks: { [web.name]: [task] },
      configs: [config],
    });
    expect(await manager.docker.swarm()).toMatchObject({ localNodeState: "active", controlAvailable: true });
    expect(await manager.docker.service("tp99-alice-web-id")).toBe(web);
    expect(await manager.docker.service("nope")).toBeUndefined();
    expect(await manager.docker.tasks(web.id)).toEqual([task]);
    expect(await manager.docker.tasks("nope")).toEqual([]);
    expect(await manager.docker.config("web-conf")).toBe(config);
    // A task made by the builder is current: its spec is the service's template.
    expect(task.spec).toEqual(web.taskSpec);
    expect(task).toMatchObject({ serviceId: web.id, state: "running", desiredState: "running" });

    const plain = fakeCheckContext({ outputs: {}, services: [web] });
    expect((await plain.docker.swarm()).localNodeState).toBe("inactive");
    await expect(plain.docker.service("tp99-alice-web")).rejects.toMatchObject({ statusCode: 503 });
    await expect(plain.docker.tasks("tp99-alice-web")).rejects.toThrow(/not a swarm manager/);
  });

  it("answers tasks with a function, and offers withServiceConfig and kill only with handlers", async () => {
    const killed: string[] = [];
    const swapped: string[] = [];
    const deep = fakeCheckContext({
      outputs: {},
      swarm: swarmView(),
      tasks: (service) => [taskView(serviceView({ name: service }))],
      withServiceConfig: (service, change, use) => {
        swapped.push(`${service}: ${change.replace} -> ${change.with.name}`);
        return use();
      },
      kill: (name) => {
        killed.push(name);
      },
    });
    expect((await deep.docker.tasks("web"))[0]?.serviceId).toBe("web-id");
    const change = { replace: "a", with: { name: "b", data: "", labels: {} } };
    expect(await deep.docker.withServiceConfig?.("web", change, async () => "used")).toBe("used");
    expect(swapped).toEqual(["web: a -> b"]);
    await deep.docker.kill?.("c1");
    expect(killed).toEqual(["c1"]);
    expect(ctx.docker.withServiceConfig).toBeUndefined();
    expect(ctx.docker.kill).toBeUndefined();
  });
});
