import { dockerodeProbe, fetchHttpProbe, verify } from "@labctl/core";
import { dockerClient } from "@labctl/docker";
import { E2eEnvironment, statuses } from "@labctl/testing";
import lab from "./index";
import type { Tp01Outputs } from "./outputs";

// tp01 on the real Docker engine with labctl's docker engine and the stand-in images:
// up -> every check passes -> break one thing at a time -> the matching check fails with a
// message naming the cause -> down -> nothing labelled is left.
const env = new E2eEnvironment(lab, "e2e-tp01", { portBase: 20000 });
const quick = { checkTimeoutMs: 5_000, retryIntervalMs: 1_000 };
let outputs: Tp01Outputs;

const sh = async (container: string, script: string) => {
  const run = await env.docker
    .getContainer(container)
    .exec({ Cmd: ["sh", "-c", script], AttachStdout: true, AttachStderr: true });
  const stream = await run.start({ hijack: true, stdin: false });
  await new Promise((resolve) => stream.on("end", resolve).resume());
  return (await run.inspect()).ExitCode;
};

const outcome = async (id: string, opts = quick) => (await env.verify(opts)).checks.find((c) => c.id === id);

describe("tp01 on the real engine", () => {
  afterAll(async () => {
    await env.down().catch(() => undefined);
  });

  it("comes up, and every check passes", async () => {
    const summary = await env.up();
    outputs = summary.outputs as Tp01Outputs;
    expect(outputs.webUrl).toBe(`http://127.0.0.1:${env.spec.ports.web}/`);
    const report = await env.verify({ checkTimeoutMs: 60_000 });
    expect(report.checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(report.earned).toBe(report.total);
  });

  it("up again changes nothing (hello-world is not run again)", async () => {
    const summary = await env.up();
    expect(summary.changes.filter((c) => c.action !== "same" && c.action !== "read")).toEqual([]);
  });

  it("an unreachable engine is an error for engine-reachable, and skips the rest", async () => {
    const docker = dockerodeProbe(dockerClient("unix:///nonexistent/docker.sock"));
    const report = await verify(env.engine, env.spec, { docker, http: fetchHttpProbe }, quick);
    const engine = report.checks.find((c) => c.id === "engine-reachable");
    expect(engine?.status).toBe("error");
    expect(engine?.message).toContain("ENOENT");
    expect(statuses(report)).toMatchObject({
      "web-running": "skipped",
      "web-page": "skipped",
      "hello-completed": "skipped",
    });
  });

  it("removing the restart policy fails web-running and names it", async () => {
    const web = env.docker.getContainer(outputs.webContainer);
    await web.update({ RestartPolicy: { Name: "no", MaximumRetryCount: 0 } });
    const running = await outcome("web-running");
    expect(running?.status).toBe("fail");
    expect(running?.message).toContain("restart: no");
    await web.update({ RestartPolicy: { Name: "unless-stopped", MaximumRetryCount: 0 } });
    expect((await outcome("web-running"))?.status).toBe("pass");
  });

  it("a page without the student's marker fails web-page", async () => {
    const root = "/usr/share/nginx/html";
    expect(
      await sh(
        outputs.webContainer,
        `cp ${root}/index.html /tmp/page && echo '<h1>hi</h1>' > ${root}/index.html`,
      ),
    ).toBe(0);
    const page = await outcome("web-page");
    expect(page?.status).toBe("fail");
    expect(page?.message).toContain(`lacks e2e-tp01's marker`);
    expect(await sh(outputs.webContainer, `cp /tmp/page ${root}/index.html`)).toBe(0);
    expect((await outcome("web-page"))?.status).toBe("pass");
  });

  it("a hello container that failed fails hello-completed; up puts the real one back", async () => {
    const hello = env.docker.getContainer(outputs.helloContainer);
    const info = await hello.inspect();
    await hello.remove({ force: true });
    // Same name and environment labels, without labctl's spec hash: up must replace it.
    const { "dev.labctl.spec": _spec, ...labels } = info.Config.Labels;
    const impostor = await env.docker.createContainer({
      name: outputs.helloContainer,
      Image: info.Image,
      Cmd: ["sh", "-c", "echo boom; exit 3"],
      Labels: labels,
    });
    await impostor.start();
    await impostor.wait();
    const completed = await outcome("hello-completed");
    expect(completed?.status).toBe("fail");
    expect(completed?.message).toBe(`hello container ${outputs.helloContainer} exited with code 3`);
    await env.up();
    expect((await outcome("hello-completed"))?.status).toBe("pass");
  });

  it("down leaves no labelled container, network or volume", async () => {
    const summary = await env.down();
    expect(summary.removed.length).toBeGreaterThanOrEqual(2);
    expect(await env.leftovers()).toEqual([]);
  });
});
