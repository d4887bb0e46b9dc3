import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dockerClient } from "@labctl/docker";
import { defineLab, type ProgramContext } from "@labctl/sdk";
import * as docker from "@pulumi/docker";
import { BUSYBOX_TEST_IMAGE, ensureBusyboxImage } from "../../../docker/src/test-support/busybox-test-image";
import { loadConfig } from "../config/config";
import { loadEngine } from "../engine/load-engine";
import { readRecord } from "../environment/environment-record";
import { resolveEnvironment } from "../environment/resolve-environment";
import { resolveHome } from "../home/labctl-home";
import { down } from "./down";
import { up } from "./up";

// `up` names a container that crashes and is restarted by its policy: without a healthcheck it
// is "running" for an instant, which the engine's wait takes for success.
const client = dockerClient();
const root = mkdtempSync(join(tmpdir(), "labctl-up-crash-"));
writeFileSync(join(root, "config.yaml"), "engine: docker\nportBase: 26600\n");
const home = resolveHome({ LABCTL_HOME: root });
const config = loadConfig(home, {});
const engine = loadEngine("docker", home, { dockerHost: config.dockerHost });

const lab = (command: string) =>
  defineLab({
    id: "tp97",
    title: { en: "crash loop", fr: "boucle de plantage" },
    platform: "docker",
    images: { box: BUSYBOX_TEST_IMAGE },
    ports: [],
    secrets: [],
    program: async () => ({
      default: (ctx: ProgramContext) => {
        const labels = Object.entries(ctx.labels).map(([label, value]) => ({ label, value }));
        new docker.Container("box", {
          name: ctx.name("box"),
          image: ctx.image("box"),
          command: ["sh", "-c", command],
          restart: "unless-stopped",
          labels,
        });
        return {};
      },
    }),
    checks: [],
    handout: "README.md",
  });

const student = { id: `crash-${process.pid}`, name: "crash" };

beforeAll(() => ensureBusyboxImage(client));

afterAll(async () => {
  await down(home, engine, resolveEnvironment(home, config, lab("true"), student, "default"), {
    docker: client,
  });
});

describe("up and a container in a crash loop", () => {
  it("fails naming the container, its exit code and its logs, and keeps the record for down", async () => {
    const spec = resolveEnvironment(
      home,
      config,
      lab("echo cannot reach the database; exit 3"),
      student,
      "default",
    );
    const started = Date.now();
    const failure = await up(home, engine, spec, { docker: client }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "CONTAINER_CRASH_LOOP", exitCode: 2 });
    expect((failure as Error).message).toMatch(
      /tp97-crash-\d+-box is restarting in a loop \(\d+ restarts?, last exit code 3\)/,
    );
    expect((failure as Error).message).toContain("cannot reach the database");
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(readRecord(home, "default", "tp97", student.id)).toMatchObject({ lab: "tp97" });
  });

  it("passes when the container keeps running", async () => {
    const spec = resolveEnvironment(home, config, lab("exec sleep 600"), student, "default");
    await expect(up(home, engine, spec, { docker: client })).resolves.toMatchObject({ lab: "tp97" });
  });
});
