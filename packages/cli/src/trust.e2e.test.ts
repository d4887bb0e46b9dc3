import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { classLeftovers, classSandbox } from "./class-e2e-support";

// The destructive paths of the trust issue, on the real engine through the built CLI: an engine
// that vanishes during `class verify` leaves the graded run as it was, two `up`s of one student
// at once give one exit 75, and `gc` never removes an environment whose record it cannot read.
// The engine "vanishes" by closing a socket proxy in front of the real one: dockerd keeps running.
const PORT_BASE = 31000;
const sandbox = classSandbox(PORT_BASE);
const proxySocket = join(sandbox.dir, "docker-proxy.sock");
writeFileSync(
  join(sandbox.home, "config.yaml"),
  `engine: docker\nportBase: ${PORT_BASE}\ndockerHost: unix://${proxySocket}\n`,
);
const classId = "trust-e2e";
const roster = join(sandbox.dir, `${classId}.csv`);
writeFileSync(roster, "id,name,email\nana,Ana,ana@example.org\nbob,Bob,bob@example.org\n");

/**
 * A unix socket that forwards to the real engine until closed (then nothing listens there). It
 * runs in a child process: the CLI runs are synchronous and would freeze a proxy in this one.
 */
function dockerProxy(): { ready: Promise<void>; close(): Promise<void> } {
  rmSync(proxySocket, { force: true });
  const script = `
    const net = require("node:net");
    net.createServer((client) => {
      const upstream = net.createConnection("/var/run/docker.sock");
      for (const s of [client, upstream]) s.on("error", () => { client.destroy(); upstream.destroy(); });
      client.pipe(upstream).pipe(client);
    }).listen(process.argv[1], () => process.stdout.write("ready\\n"));`;
  const child = spawn(process.execPath, ["-e", script, proxySocket], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = new Promise<void>((done) => child.stdout?.once("data", () => done()));
  const exited = new Promise<void>((done) => child.on("exit", () => done()));
  return {
    ready,
    close: async () => {
      child.kill("SIGKILL");
      await exited;
      rmSync(proxySocket, { force: true });
    },
  };
}

/** Runs a command in a container through the real engine (not the proxy). */
const exec = (container: string, cmd: string[]) =>
  new Promise<void>((done, fail) => {
    const child = spawn("docker", ["exec", container, ...cmd], { stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? done() : fail(new Error(`docker exec exited ${code}`))));
  });

async function waitFor(ok: () => boolean, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !ok(); ) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

const files = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => {
        const path = join(d.parentPath, d.name);
        return [path, readFileSync(path, "utf8")];
      }),
  );

let proxy = dockerProxy();
const cls = (verb: string, ...args: string[]) =>
  sandbox.labctl("class", verb, "tp01", "--roster", roster, ...args);

describe("trust on the real engine", () => {
  afterAll(async () => {
    await proxy.close();
    proxy = dockerProxy();
    await proxy.ready;
    cls("down", "--yes");
    sandbox.labctl("down", "tp01", "--student", "carl", "--yes");
    await proxy.close();
  });

  it("class verify with the engine gone exits 2 and keeps the graded run and its report", async () => {
    await proxy.ready;
    expect(cls("up").status).toBe(0);
    expect(cls("verify").status).toBe(0);
    const classLab = join(sandbox.home, "classes", classId, "tp01");
    const before = files(classLab);
    expect(Object.keys(before).some((f) => f.endsWith("verify.json"))).toBe(true);
    await proxy.close();
    const started = Date.now();
    const verify = cls("verify", "--json");
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(verify.status).toBe(2);
    const error = JSON.parse(verify.stdout).error;
    expect(error.message).toContain(proxySocket);
    const after = files(classLab);
    // Only the run record may say a run was tried; the results and the report are untouched.
    for (const [file, content] of Object.entries(before))
      if (!file.endsWith("last-run.json")) expect(after[file]).toBe(content);
    proxy = dockerProxy();
    await proxy.ready;
  });

  it("an engine that vanishes mid-run: the student being verified keeps the last result, exit 2", async () => {
    const store = join(sandbox.home, "classes", classId, "tp01", "verify.json");
    const before = JSON.parse(readFileSync(store, "utf8"));
    // bob's page loses its marker: web-page fails and is retried (his containers are fine), so
    // bob is still being verified when the engine goes away after ana's result.
    const page = "/usr/share/nginx/html/index.html";
    await exec("tp01-bob-web", ["sh", "-c", `cp ${page} /tmp/page && echo '<h1>hi</h1>' > ${page}`]);
    const run = sandbox.start("class", "verify", "tp01", "--roster", roster, "--timeout", "60");
    await waitFor(() => /\bana\b.*\bok\b/.test(run.stderr()), 30_000);
    await proxy.close();
    expect(await run.exit).toBe(2);
    const after = JSON.parse(readFileSync(store, "utf8"));
    expect(after.reports.bob).toEqual(before.reports.bob);
    expect(after.errors.bob.message).toMatch(/unreachable|did not answer|Cannot reach/i);
    expect(after.reports.ana.startedAt > before.reports.ana.startedAt).toBe(true);
    proxy = dockerProxy();
    await proxy.ready;
    await exec("tp01-bob-web", ["sh", "-c", `cp /tmp/page ${page}`]);
  });

  it("two ups of the same student at once: one builds, the other exits 75 naming the holder", async () => {
    const [a, b] = await Promise.all(
      [0, 1].map(() => {
        const run = sandbox.start("up", "tp01", "--student", "carl");
        return run.exit.then((code) => ({ code, stderr: run.stderr() }));
      }),
    );
    const codes = [a?.code, b?.code].sort();
    expect(codes).toEqual([0, 75]);
    const loser = a?.code === 75 ? a : b;
    expect(loser?.stderr).toMatch(/locked by another labctl run/);
    expect(loser?.stderr).toMatch(/pid \d+/);
    expect(sandbox.labctl("verify", "tp01", "--student", "carl").status).toBe(0);
  });

  it("gc keeps an environment whose record it cannot read, names the file, and removes nothing of it", async () => {
    const record = join(sandbox.home, "envs", "default", "tp01", "carl", "environment.json");
    expect(statSync(record).isFile()).toBe(true);
    const good = readFileSync(record, "utf8");
    writeFileSync(record, "{ garbage");
    for (const args of [
      ["gc", "--lab", "tp01", "--json"],
      ["gc", "--all", "--lab", "tp01", "--yes", "--json"],
    ]) {
      const gc = sandbox.labctl(...args);
      expect(gc.stderr + gc.stdout).toContain(record);
      expect(gc.status).not.toBe(0);
      const left = await classLeftovers("default");
      expect(left.filter((o) => o.includes("tp01-carl-")).length).toBeGreaterThan(0);
    }
    writeFileSync(record, good);
    expect(sandbox.labctl("down", "tp01", "--student", "carl").status).toBe(0);
    expect(existsSync(record)).toBe(false);
    expect((await classLeftovers("default")).filter((o) => o.includes("tp01-carl-"))).toEqual([]);
  });
});
