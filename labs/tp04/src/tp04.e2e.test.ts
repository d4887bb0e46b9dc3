import type { VerifyReport } from "@labctl/core";
import { E2eEnvironment, statuses } from "@labctl/testing";
import { APP_DIR_ENV } from "./app-source";
import lab from "./index";
import type { Tp04Outputs } from "./outputs";
import { appVariant, removeVariants, replacing } from "./test-support/app-variant";

// tp04 on the real Docker engine with labctl's docker engine and the stand-in base images:
// up (the realizer builds app/ with the mapped bases) -> every check passes -> break one thing
// at a time, mostly by building a student's faulty Dockerfile through LABCTL_TP04_APP_DIR ->
// the matching check fails with a message naming the cause -> down -> nothing labelled is left.
const env = new E2eEnvironment(lab, "e2e-tp04", { portBase: 22000 });
const quick = { checkTimeoutMs: 8_000, retryIntervalMs: 1_000 };
let outputs: Tp04Outputs;

const find = (report: VerifyReport, id: string) => report.checks.find((c) => c.id === id);

/** Builds and runs the student's Dockerfile (a variant of the reference), then verifies. */
async function upWith(...edits: ((dockerfile: string) => string)[]): Promise<VerifyReport> {
  process.env[APP_DIR_ENV] = appVariant((text) => edits.reduce((t, edit) => edit(t), text));
  await env.up();
  return env.verify(quick);
}

describe("tp04 on the real engine", () => {
  afterAll(async () => {
    delete process.env[APP_DIR_ENV];
    removeVariants();
    await env.down().catch(() => undefined);
    // Built images outlive down (labctl never removes images): remove ours, variants included.
    const filters = {
      label: [`dev.labctl.student=${env.spec.student.id}`, `dev.labctl.class=${env.spec.classId}`],
    };
    for (const image of await env.docker.listImages({ all: true, filters })) {
      await env.docker
        .getImage(image.Id)
        .remove({ force: true })
        .catch(() => undefined);
    }
  });

  it("builds the app, runs it, and every check passes", async () => {
    const summary = await env.up();
    outputs = summary.outputs as Tp04Outputs;
    expect(outputs.image).toBe("tp04-e2e-tp04-app:1.0.0");
    expect(outputs.runtimeImage).toBe("labctl-standin/debian:bookworm-slim");
    const report = await env.verify({ checkTimeoutMs: 60_000 });
    expect(report.checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(find(report, "image-size")?.message).toMatch(
      /, 0\.8 MB on top of labctl-standin\/debian:bookworm-slim \(74\.9 MB\)/,
    );
    expect(report.earned).toBe(report.total);
  });

  it("up again changes nothing", async () => {
    const summary = await env.up();
    expect(summary.changes.filter((c) => c.action !== "same" && c.action !== "read")).toEqual([]);
  });

  it("a stopped container fails app-healthy and app-http, not the image checks", async () => {
    await env.docker.getContainer(outputs.container).stop({ t: 5 });
    const report = await env.verify(quick);
    expect(find(report, "app-healthy")?.message).toMatch(/is exited/);
    expect(find(report, "app-http")?.message).toMatch(/does not answer.*ECONNREFUSED/);
    expect(statuses(report)).toMatchObject({
      "image-size": "pass",
      "no-secrets": "pass",
      "dockerfile-rules": "pass",
    });
    await env.docker.getContainer(outputs.container).start();
  });

  it("the same image run with --user 0 fails non-root on the process", async () => {
    const old = env.docker.getContainer(outputs.container);
    const { Config, HostConfig } = await old.inspect();
    await old.remove({ force: true });
    const { Hostname: _hostname, ...config } = Config;
    const asRoot = await env.docker.createContainer({
      ...config,
      User: "0",
      name: outputs.container,
      HostConfig,
    });
    await asRoot.start();
    const report = await env.verify(quick);
    expect(find(report, "non-root")).toMatchObject({
      status: "fail",
      message: `PID 1 of ${outputs.container} runs as root (uid 0): the container overrides USER with 0`,
    });
    await asRoot.remove({ force: true }); // up puts the lab's container back
  });

  it("a Dockerfile without USER and HEALTHCHECK fails non-root, app-healthy and two Dockerfile rules", async () => {
    const report = await upWith(
      replacing(/^USER .*\n/m, ""),
      replacing(/^HEALTHCHECK[^\n]*\\\n[^\n]*\n/m, ""),
    );
    expect(find(report, "non-root")?.message).toBe(`image ${outputs.image} runs as root: it sets no USER`);
    expect(find(report, "app-healthy")?.message).toMatch(/has no healthcheck/);
    const rules = find(report, "dockerfile-rules");
    expect(rules?.message).toMatch(
      /^2 of 7 rules broken .*\[user\] no USER.*; \[healthcheck\] no HEALTHCHECK/,
    );
    expect(statuses(report)).toMatchObject({
      "app-http": "pass",
      "cmd-overridable": "pass",
      "image-size": "pass",
    });
  });

  it("a shell-form ENTRYPOINT fails cmd-overridable: the one-off container ignores its CMD", async () => {
    const report = await upWith(
      replacing(
        'ENTRYPOINT ["labapp"]\nCMD ["serve", "--port", "8080"]',
        "ENTRYPOINT labapp serve --port 8080",
      ),
    );
    expect(find(report, "cmd-overridable")).toMatchObject({
      status: "fail",
      message: expect.stringMatching(
        /version was still running after 10 s: ENTRYPOINT \["\/bin\/sh","-c",.*\(shell form\)/,
      ),
    });
    expect(find(report, "dockerfile-rules")?.message).toMatch(
      /\[exec-entrypoint\] ENTRYPOINT \(line \d+\) is in shell form/,
    );
    expect(statuses(report)).toMatchObject({ "app-healthy": "pass", "app-http": "pass" });
  });

  it("a single-stage Dockerfile ships the compiler and fails image-size", async () => {
    const report = await upWith(
      replacing(/^FROM \$\{RUNTIME_IMAGE\}\n/m, ""),
      replacing("COPY --from=build /labapp /usr/local/bin/labapp", "RUN cp /labapp /usr/local/bin/labapp"),
    );
    expect(find(report, "image-size")?.message).toMatch(
      /over the 10\.0 MB budget: does the final stage ship build tools\?/,
    );
    expect(find(report, "dockerfile-rules")?.message).toMatch(
      /\[multi-stage\] single stage \(FROM labctl-standin\/gcc:13|\[multi-stage\] single stage \(FROM gcc:13/,
    );
  });

  it("one RUN per command fails image-layers", async () => {
    const report = await upWith(
      replacing(
        /^RUN useradd[^\n]*\\\n[^\n]*\n/m,
        [
          "RUN groupadd --system --gid 10001 app",
          "RUN useradd --system --no-log-init --no-create-home --gid app --uid 10001 app",
          "RUN mkdir -p /var/lib/labapp",
          "RUN chown app:app /var/lib/labapp",
          "RUN chmod 0750 /var/lib/labapp",
          "",
        ].join("\n"),
      ),
    );
    expect(find(report, "image-layers")).toMatchObject({
      status: "fail",
      message: expect.stringMatching(
        /, 6 on top of labctl-standin\/debian:bookworm-slim, more than 5: merge RUN/,
      ),
    });
    expect(statuses(report)).toMatchObject({ "image-size": "pass", "non-root": "pass" });
  });

  it("a token passed to the build and a hard-coded password fail no-secrets, without printing them", async () => {
    const report = await upWith(
      replacing(
        "COPY --from=build",
        `ARG BUILD_NOTE=${outputs.appToken}\nRUN echo "$BUILD_NOTE" > /dev/null\nENV APP_PASSWORD=changeme-please\nCOPY --from=build`,
      ),
    );
    const secrets = find(report, "no-secrets");
    expect(secrets?.status).toBe("fail");
    expect(secrets?.message).toMatch(/ENV APP_PASSWORD is set in the image/);
    expect(secrets?.message).toMatch(/the generated appToken is in \d+ history step/);
    expect(secrets?.message).not.toContain(outputs.appToken);
    expect(secrets?.message).not.toContain("changeme-please");
  });

  it("back to the reference Dockerfile, everything passes again", async () => {
    delete process.env[APP_DIR_ENV];
    await env.up();
    const report = await env.verify({ checkTimeoutMs: 60_000 });
    expect(report.checks.filter((c) => c.status !== "pass")).toEqual([]);
  });

  it("down leaves no labelled container, network or volume", async () => {
    const summary = await env.down();
    expect(summary.removed.length).toBeGreaterThanOrEqual(1);
    expect(await env.leftovers()).toEqual([]);
  });
});
