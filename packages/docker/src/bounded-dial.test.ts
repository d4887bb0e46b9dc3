import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dockerClient } from "./docker-client";
import {
  answeringDockerEngine,
  type FakeDockerEngine,
  trickle,
  wedgedDockerEngine,
} from "./test-support/fake-docker-engine";

// Small budgets, so each case runs well under 2 s; the production ones are in DEFAULT_BUDGETS.
const budgets = { connectMs: 300, pingMs: 200, requestMs: 400, changeMs: 400, longMs: 400 };

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; error: unknown }> {
  const start = Date.now();
  try {
    await work();
    return { ms: Date.now() - start, error: undefined };
  } catch (error) {
    return { ms: Date.now() - start, error };
  }
}

describe("dockerClient against a wedged engine (accepts, never answers)", () => {
  let engine: FakeDockerEngine;
  beforeAll(async () => {
    engine = await wedgedDockerEngine();
  });
  afterAll(() => engine.close());

  it.each([
    ["ping", "GET /_ping", 200, (d: ReturnType<typeof dockerClient>) => d.ping()],
    [
      "listContainers",
      "GET /containers/json",
      400,
      (d: ReturnType<typeof dockerClient>) => d.listContainers(),
    ],
    [
      "inspect",
      "GET /containers/tp03-ann-ghost/json",
      400,
      (d: ReturnType<typeof dockerClient>) => d.getContainer("tp03-ann-ghost").inspect(),
    ],
    [
      "wait (no headers either)",
      "POST /containers/x/wait",
      400,
      (d: ReturnType<typeof dockerClient>) => d.getContainer("x").wait(),
    ],
    [
      "logs --follow (no headers)",
      "GET /containers/x/logs",
      400,
      (d: ReturnType<typeof dockerClient>) => d.getContainer("x").logs({ follow: true, stdout: true }),
    ],
  ])("%s rejects with DOCKER_TIMEOUT within its budget, naming host and call", async (_, label, ms, call) => {
    const { ms: took, error } = await timed(() => call(dockerClient(engine.host, { budgets })));
    expect(took).toBeGreaterThanOrEqual(ms - 20);
    // Bounded, not fast: a loaded machine (an engine test beside it) adds seconds, a hang adds all.
    expect(took).toBeLessThan(ms + 4_000);
    expect(error).toMatchObject({
      name: "LabctlError",
      code: "DOCKER_TIMEOUT",
      exitCode: 2,
      message: `The Docker engine at ${engine.host} did not answer within ${ms / 1000} s (${label}).`,
      advice: expect.stringContaining("systemctl restart docker"),
    });
  });

  it("the caller's own cancel is a cancel, not a timeout", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const { ms, error } = await timed(() =>
      dockerClient(engine.host, { budgets }).listContainers({ abortSignal: controller.signal }),
    );
    expect(ms).toBeLessThan(300);
    expect(error).toMatchObject({ name: "AbortError" });
  });
});

describe("dockerClient against no engine", () => {
  it("a missing socket is DOCKER_UNREACHABLE at once, naming the host", async () => {
    const host = "unix:///nonexistent/labctl/docker.sock";
    const { ms, error } = await timed(() => dockerClient(host, { budgets }).ping());
    expect(ms).toBeLessThan(200);
    expect(error).toMatchObject({
      code: "DOCKER_UNREACHABLE",
      exitCode: 2,
      message: `Cannot reach the Docker engine at ${host}: connect ENOENT /nonexistent/labctl/docker.sock.`,
      advice: expect.stringContaining("Start Docker"),
    });
  });

  it("a socket nobody listens on is refused", async () => {
    const { socketPath, close } = await wedgedDockerEngine();
    await close();
    writeFileSync(socketPath, ""); // a stale path: connect() is refused
    const { error } = await timed(() => dockerClient(`unix://${socketPath}`, { budgets }).listContainers());
    expect(error).toMatchObject({
      code: "DOCKER_UNREACHABLE",
      message: expect.stringContaining("ECONNREFUSED"),
    });
  });
});

describe("dockerClient never cuts an answer that has started", () => {
  let engine: FakeDockerEngine;
  afterEach(() => engine.close());

  it("a stream (logs --follow) runs past the budget once its headers arrived", async () => {
    engine = await answeringDockerEngine((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      trickle(res, ["one\n", "two\n", "three\n", "four\n"], 250);
    });
    const stream = (await dockerClient(engine.host, { budgets })
      .getContainer("x")
      .logs({ follow: true, stdout: true })) as NodeJS.ReadableStream;
    const text = await new Promise<string>((resolve, reject) => {
      let all = "";
      stream.on("data", (c: Buffer) => {
        all += c.toString();
      });
      stream.on("end", () => resolve(all));
      stream.on("error", reject);
    });
    expect(text).toBe("one\ntwo\nthree\nfour\n");
  });

  it("wait answers when the container exits, long after its headers", async () => {
    engine = await answeringDockerEngine((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.flushHeaders();
      setTimeout(() => res.end('{"StatusCode":3}'), 900);
    });
    await expect(dockerClient(engine.host, { budgets }).getContainer("x").wait()).resolves.toEqual({
      StatusCode: 3,
    });
  });

  it("an exec's hijacked stream runs past the budget once upgraded", async () => {
    engine = await answeringDockerEngine(
      () => undefined,
      (_req, socket) => {
        socket.write("HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n");
        let n = 0;
        const timer = setInterval(() => {
          socket.write(`tick${n++}\n`);
          if (n === 4) {
            clearInterval(timer);
            socket.end();
          }
        }, 200);
      },
    );
    const socket = (await dockerClient(engine.host, { budgets })
      .getExec("e1")
      .start({ hijack: true, stdin: false })) as NodeJS.ReadableStream;
    let text = "";
    socket.on("data", (c: Buffer) => {
      text += c.toString();
    });
    await new Promise((resolve) => socket.on("end", resolve));
    expect(text).toBe("tick0\ntick1\ntick2\ntick3\n");
  });

  it("but a plain answer must arrive whole within the budget", async () => {
    engine = await answeringDockerEngine((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      trickle(res, ["[", "]"], 800);
    });
    const { error } = await timed(() => dockerClient(engine.host, { budgets }).listContainers());
    expect(error).toMatchObject({
      code: "DOCKER_TIMEOUT",
      message: expect.stringContaining("GET /containers/json"),
    });
  });

  it("an answer that arrived while this process was busy past the budget is no timeout", async () => {
    // The engine in another process, so it answers while this one is stalled.
    const socketPath = join(mkdtempSync(join(tmpdir(), "labctl-stall-")), "docker.sock");
    const child = spawn(process.execPath, [
      "-e",
      `require("http").createServer((q, r) => r.end("[]")).listen(${JSON.stringify(socketPath)}, () => console.log("up"))`,
    ]);
    engine = { host: `unix://${socketPath}`, socketPath, close: async () => void child.kill() };
    await new Promise((resolve) => child.stdout.once("data", resolve));
    const docker = dockerClient(engine.host, { budgets });
    await docker.listContainers(); // connected, and dockerode loaded
    const answer = docker.listContainers();
    await new Promise(setImmediate); // the request is on its way, its answer not read yet
    const until = Date.now() + 700; // a synchronous stall (a big require), longer than the budget
    while (Date.now() < until);
    await expect(answer).resolves.toEqual([]);
  });

  it("an answering engine answers (and HTTP errors stay HTTP errors)", async () => {
    engine = await answeringDockerEngine((req, res) => {
      if (req.url?.startsWith("/containers/json")) {
        res.writeHead(200, { "Content-Type": "application/json" });
        return res.end("[]");
      }
      res.writeHead(404, { "Content-Type": "application/json" });
      res.end('{"message":"No such container: x"}');
    });
    const docker = dockerClient(engine.host, { budgets });
    await expect(docker.listContainers()).resolves.toEqual([]);
    await expect(docker.getContainer("x").inspect()).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe("dockerClient connects where it is told", () => {
  const saved = process.env.DOCKER_HOST;
  afterEach(() => {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  });

  it("a given host wins over DOCKER_HOST, even a DOCKER_HOST dockerode cannot parse", async () => {
    const engine = await answeringDockerEngine((_req, res) => res.end("OK"));
    try {
      for (const other of ["unix:///nonexistent/docker.sock", "tcp://a b:1", "tcp://"]) {
        process.env.DOCKER_HOST = other;
        await expect(dockerClient(engine.host, { budgets }).ping()).resolves.toBeTruthy();
        expect(process.env.DOCKER_HOST).toBe(other);
      }
      // Without a host it follows DOCKER_HOST, like the docker CLI.
      process.env.DOCKER_HOST = engine.host;
      await expect(dockerClient(undefined, { budgets }).ping()).resolves.toBeTruthy();
    } finally {
      await engine.close();
    }
  });
});
