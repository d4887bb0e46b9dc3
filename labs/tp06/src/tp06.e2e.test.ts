import { E2eEnvironment, statuses } from "@labctl/testing";
import { htpasswdLine } from "./htpasswd";
import lab from "./index";
import type { Tp06Outputs } from "./outputs";
import { checkImage } from "./registry/check-image";

// tp06 on the real Docker engine with labctl's docker engine and the stand-in registry (Debian's
// docker-registry, the same distribution registry): up -> every check passes, including a push
// and pull through the engine -> break one thing at a time -> the matching check fails naming
// the cause, its dependants are skipped -> up repairs -> down -> nothing labelled is left.
const env = new E2eEnvironment(lab, "e2e-tp06", { portBase: 24000 });
const quick = { checkTimeoutMs: 8_000, retryIntervalMs: 1_000 };
let outputs: Tp06Outputs;

/** Runs a shell command in the registry container; `env` keeps values out of the command line. */
async function sh(script: string, vars: string[] = []): Promise<number> {
  const run = await env.docker
    .getContainer(outputs.registryContainer)
    .exec({ Cmd: ["sh", "-c", script], Env: vars, AttachStdout: true, AttachStderr: true });
  const stream = await run.start({ hijack: true, stdin: false });
  await new Promise((resolve) => stream.on("end", resolve).resume());
  return (await run.inspect()).ExitCode ?? -1;
}

/** What `docker run` would have made without auth and without the volume (and not labctl's spec). */
async function replaceWithOpenRegistry(): Promise<void> {
  const old = env.docker.getContainer(outputs.registryContainer);
  const info = await old.inspect();
  await old.remove({ force: true, v: true });
  const created = await env.docker.createContainer({
    name: outputs.registryContainer,
    Image: info.Config.Image,
    Env: info.Config.Env.filter((e) => !e.startsWith("REGISTRY_AUTH")),
    Labels: { ...info.Config.Labels, "dev.labctl.spec": "changed-by-hand" },
    ExposedPorts: info.Config.ExposedPorts,
    HostConfig: { PortBindings: info.HostConfig.PortBindings },
  });
  await created.start();
}

const localCheckImage = () => `${outputs.registryHost}/${checkImage("e2e-tp06").repository}:v1`;

describe("tp06 on the real engine", () => {
  afterAll(async () => {
    await env.down().catch(() => undefined);
  });

  it("comes up, and every check passes, the engine round trip included", async () => {
    const summary = await env.up();
    outputs = summary.outputs as Tp06Outputs;
    expect(outputs.registryUrl).toBe(`http://${outputs.registryHost}`);
    const report = await env.verify({ checkTimeoutMs: 60_000 });
    expect(report.checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(report.earned).toBe(report.total);
    // The check removes the copy it pulled: the student's engine is left as it was.
    await expect(env.docker.getImage(localCheckImage()).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it("up again changes nothing: the htpasswd line is stable", async () => {
    const summary = await env.up();
    expect(summary.changes.filter((c) => c.action !== "same" && c.action !== "read")).toEqual([]);
  });

  it("an htpasswd file without the student's password fails login and skips the round trips", async () => {
    const other = htpasswdLine(outputs.registryUser, "not-the-generated-one");
    expect(await sh('printf "%s\\n" "$LINE" > /auth/htpasswd', [`LINE=${other}`])).toBe(0);
    const report = await env.verify(quick);
    const check = report.checks.find((c) => c.id === "login");
    expect(check?.status).toBe("fail");
    expect(check?.message).toContain(`refuses user ${outputs.registryUser}'s password`);
    expect(statuses(report)).toMatchObject({
      "auth-required": "pass",
      "http-round-trip": "skipped",
      "engine-round-trip": "skipped",
    });
    const right = htpasswdLine(outputs.registryUser, outputs.registryPassword);
    expect(await sh('printf "%s\\n" "$LINE" > /auth/htpasswd', [`LINE=${right}`])).toBe(0);
    expect(statuses(await env.verify(quick)).login).toBe("pass");
  });

  it("storage the registry cannot write fails http-round-trip, naming the step", async () => {
    const root = "/var/lib/registry";
    expect(await sh(`mv ${root}/docker ${root}/docker.moved && touch ${root}/docker`)).toBe(0);
    const report = await env.verify(quick);
    const check = report.checks.find((c) => c.id === "http-round-trip");
    expect(check?.status).toBe("fail");
    expect(check?.message).toMatch(/^round trip of labctl-check\/hello:v1 failed: .* answered HTTP 5\d\d/);
    expect(statuses(report)).toMatchObject({ catalog: "skipped", "storage-volume": "skipped" });
    expect(await sh(`rm ${root}/docker && mv ${root}/docker.moved ${root}/docker`)).toBe(0);
  });

  it("a registry run without auth and without the volume fails the auth and storage checks; up repairs it", async () => {
    await replaceWithOpenRegistry();
    const report = await env.verify(quick);
    const byId = (id: string) => report.checks.find((c) => c.id === id);
    expect(byId("auth-required")).toMatchObject({
      status: "fail",
      message: expect.stringContaining("authentication is off"),
    });
    expect(byId("anonymous-push-refused")).toMatchObject({
      status: "fail",
      message: expect.stringContaining("answers HTTP 202, not 401: anyone can push"),
    });
    expect(byId("storage-volume")).toMatchObject({
      status: "fail",
      message: expect.stringMatching(
        /^\/var\/lib\/registry is on volume \w+, not the lab's volume tp06-e2e-tp06-registry-data$/,
      ),
    });
    const summary = await env.up();
    expect(summary.changes).toContainEqual(expect.objectContaining({ name: "registry", action: "replace" }));
    const repaired = await env.verify({ checkTimeoutMs: 30_000 });
    expect(repaired.checks.filter((c) => c.status !== "pass")).toEqual([]);
  });

  it("stopping the registry fails registry-running and skips what needs it", async () => {
    await env.docker.getContainer(outputs.registryContainer).stop({ t: 2 });
    const report = await env.verify(quick);
    const running = report.checks.find((c) => c.id === "registry-running");
    expect(running?.status).toBe("fail");
    expect(running?.message).toMatch(/is exited/);
    expect(statuses(report)).toMatchObject({
      "auth-required": "skipped",
      login: "skipped",
      catalog: "skipped",
    });
  });

  it("down leaves no labelled container or volume", async () => {
    const summary = await env.down();
    expect(summary.removed.length).toBeGreaterThanOrEqual(2);
    expect(await env.leftovers()).toEqual([]);
  });
});
