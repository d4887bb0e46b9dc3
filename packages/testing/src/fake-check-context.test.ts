import { containerView, fakeCheckContext, networkError, networkView, volumeView } from "./fake-check-context";

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
});
