import { execFileSync } from "node:child_process";
import { selectorFor } from "@labctl/sdk";
import { E2eEnvironment } from "@labctl/testing";
import lab from "./index";
import { ingressServerBlocks } from "./nginx-configs";
import type { Tp07Outputs } from "./outputs";
import { converged, updateService } from "./test-support/swarm-service";
import { HTTP_PORT } from "./topology";

// tp07 on the real engine in Swarm mode (single node), labctl's docker engine and the stand-in
// images: up (labctl makes the engine a swarm manager if it is not) -> every check passes, the
// deep ones included -> one break per check -> exactly that check fails, naming the cause -> up
// puts the service back -> down -> nothing labelled is left and the swarm is as it was found.
const env = new E2eEnvironment(lab, "e2e-tp07", { portBase: 27000 });
// Long enough for a db task restarted by a break to come up (MariaDB's first boot).
const quick = { checkTimeoutMs: 30_000, retryIntervalMs: 2_000 };
const settle = { checkTimeoutMs: 120_000, retryIntervalMs: 2_000 };
let outputs: Tp07Outputs;
let swarmBefore: string | undefined;

const swarmState = async () => (await env.docker.info()).Swarm?.LocalNodeState as string | undefined;
/** Checks that did not pass nor were skipped for a failed prerequisite. */
const failing = (report: Awaited<ReturnType<typeof env.verify>>) =>
  report.checks.filter((c) => c.status !== "pass" && c.status !== "skipped").map((c) => c.id);
const only = async (id: string, deep = false) => {
  const report = await env.verify({ ...quick, deep });
  expect(failing(report)).toEqual([id]);
  return report.checks.find((c) => c.id === id);
};
// Read before the tests are defined: only a swarm this run makes may be left on purpose.
const noSwarmAtStart =
  execFileSync("docker", ["info", "--format", "{{.Swarm.LocalNodeState}}"], { encoding: "utf8" }).trim() ===
  "inactive";

/** The ingress on a config of the student's own making (environment labels, none of labctl's bookkeeping). */
async function withIngressConfig(suffix: string, text: string, work: () => Promise<void>): Promise<void> {
  const name = `${outputs.services.ingress}-${suffix}`;
  const created = await env.docker.createConfig({
    Name: name,
    Labels: selectorFor({ lab: "tp07", student: env.spec.student.id, classId: env.spec.classId }),
    Data: Buffer.from(text).toString("base64"),
  });
  const configId = (created as { id?: string; ID?: string }).id ?? (created as { ID?: string }).ID;
  try {
    await updateService(env.docker, outputs.services.ingress, (spec) => {
      const [mounted] = spec.TaskTemplate.ContainerSpec.Configs;
      spec.TaskTemplate.ContainerSpec.Configs = [{ ...mounted, ConfigID: configId, ConfigName: name }];
    });
    await work();
  } finally {
    await env.docker
      .getConfig(name)
      .remove()
      .catch(() => undefined);
  }
}

/** `labctl up` updates the drifted service (by its logical name) back; every check passes again. */
async function repair(role: keyof Tp07Outputs["services"]): Promise<void> {
  const summary = await env.up();
  expect(summary.changes).toContainEqual(expect.objectContaining({ name: role, action: "update" }));
  await converged(env.docker, outputs.services[role]);
  const report = await env.verify(settle);
  expect(report.checks.filter((c) => c.status !== "pass")).toEqual([]);
}

describe("tp07 on the real engine", () => {
  beforeAll(async () => {
    swarmBefore = await swarmState();
  });

  afterAll(async () => {
    await env.down().catch(() => undefined);
  });

  it("comes up on a swarm, and every check passes, the deep ones included", async () => {
    outputs = (await env.up()).outputs as Tp07Outputs;
    expect(await swarmState()).toBe("active");
    expect(outputs).toMatchObject({ host: "e2e-tp07.tp07.localhost", replicas: 3 });
    expect(["host", "mesh"]).toContain(outputs.publishMode);
    const report = await env.verify({ ...settle, deep: true });
    expect(report.checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(report.checks.map((c) => c.id).sort()).toEqual(
      [
        "db-isolated",
        "db-secrets",
        "failover",
        "ingress-spreads",
        "rolling-update",
        "swarm-manager",
        "unknown-host-404",
        "web-converged",
      ].sort(),
    );
    expect(report.earned).toBe(report.total);
  });

  it("web scaled to 0 fails web-converged, naming the service", async () => {
    await updateService(env.docker, outputs.services.web, (spec) => {
      spec.Mode = { Replicated: { Replicas: 0 } };
    });
    expect((await only("web-converged"))?.message).toContain(outputs.services.web);
    await repair("web");
  });

  it("db attached to front fails db-isolated, naming the network", async () => {
    await updateService(env.docker, outputs.services.db, (spec) => {
      spec.TaskTemplate.Networks = [...spec.TaskTemplate.Networks, { Target: outputs.networks.front }];
    });
    expect((await only("db-isolated"))?.message).toContain(outputs.services.db);
    await repair("db");
  });

  it("a secret removed from db (its password put in the environment) fails db-secrets", async () => {
    const [, userSecret] = outputs.dbSecrets;
    await updateService(env.docker, outputs.services.db, (spec) => {
      const container = spec.TaskTemplate.ContainerSpec;
      container.Secrets = container.Secrets.filter(
        (s: { SecretName: string }) => s.SecretName !== userSecret,
      );
      container.Env = container.Env.filter((e: string) => !e.startsWith("MARIADB_PASSWORD_FILE=")).concat(
        `MARIADB_PASSWORD=${outputs.dbPassword}`,
      );
    });
    expect((await only("db-secrets"))?.message).toContain(userSecret);
    await repair("db");
  });

  it("the proxy's host rule changed fails ingress-spreads; other hosts still get the 404", async () => {
    await withIngressConfig(
      "other-host",
      ingressServerBlocks("someone-else.tp07.localhost", outputs.services.web),
      async () => {
        expect((await only("ingress-spreads"))?.message).toMatch(/404/);
        await repair("ingress");
      },
    );
  });

  it("the student's server block made the proxy's default fails unknown-host-404", async () => {
    const catchAll = ingressServerBlocks(outputs.host, outputs.services.web)
      .replace(/server \{\s+listen \d+ default_server;\s+server_name _;\s+return 404;\s+\}\s+/, "")
      .replace(`listen ${HTTP_PORT};`, `listen ${HTTP_PORT} default_server;`);
    expect(catchAll).not.toContain("return 404");
    await withIngressConfig("catch-all", catchAll, async () => {
      expect((await only("unknown-host-404"))?.message).toMatch(
        /sends Host labctl-nobody\.tp07\.localhost to web/,
      );
      await repair("ingress");
    });
  });

  it("web updated all at once, stopping first, fails rolling-update: requests fail meanwhile", async () => {
    await updateService(env.docker, outputs.services.web, (spec) => {
      spec.UpdateConfig = { ...spec.UpdateConfig, Parallelism: 0, Order: "stop-first", Delay: 0 };
    });
    expect((await only("rolling-update", true))?.message).toMatch(
      /requests through the ingress failed during the rolling update/,
    );
    await repair("web");
  });

  it("web's tasks never restarted (restart condition none) fails failover", async () => {
    await updateService(env.docker, outputs.services.web, (spec) => {
      spec.TaskTemplate.RestartPolicy = { ...spec.TaskTemplate.RestartPolicy, Condition: "none" };
    });
    expect((await only("failover", true))?.message).toMatch(/Swarm did not bring web back to 3 tasks/);
    await repair("web");
  });

  // Leaving removes every service, secret, config and overlay: only on a swarm this run made.
  (noSwarmAtStart ? it : it.skip)(
    "the engine out of its swarm fails swarm-manager (the rest skipped); up makes the swarm and the stack again",
    async () => {
      await env.docker.swarmLeave({ force: true });
      const report = await env.verify(quick);
      expect(failing(report)).toEqual(["swarm-manager"]);
      expect(report.checks.find((c) => c.id === "swarm-manager")?.message).toBe(
        "the engine is not in an active swarm (state inactive)",
      );
      await env.up();
      await converged(env.docker, outputs.services.web);
      const again = await env.verify(settle);
      expect(again.checks.filter((c) => c.status !== "pass")).toEqual([]);
    },
  );

  it("down leaves no labelled service, secret, config, network or container, and the swarm as found", async () => {
    const summary = await env.down();
    expect(summary.removed.length).toBeGreaterThanOrEqual(9);
    // Swarm removes a service's task containers on its own time.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      if ((await env.leftovers()).length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(await env.leftovers()).toEqual([]);
    expect(await swarmState()).toBe(swarmBefore);
  });
});
