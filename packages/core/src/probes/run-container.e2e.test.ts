import { dockerClient } from "@labctl/docker";
import { BUSYBOX_TEST_IMAGE, ensureBusyboxImage } from "../../../docker/src/test-support/busybox-test-image";
import { runContainer } from "./run-container";

const docker = dockerClient();
const labels = { "dev.labctl.student": `run-container-e2e-${process.pid}` };

describe("runContainer on the real engine", () => {
  beforeAll(() => ensureBusyboxImage(docker));

  afterAll(async () => {
    const left = await docker.listContainers({ all: true, filters: { label: ["dev.labctl.student"] } });
    for (const c of left.filter((c) => c.Labels["dev.labctl.student"] === labels["dev.labctl.student"])) {
      await docker.getContainer(c.Id).remove({ force: true });
    }
  });

  it("runs the command, returns its exit code and output, and removes the container", async () => {
    const result = await runContainer(docker, BUSYBOX_TEST_IMAGE, {
      cmd: ["sh", "-c", "echo out; echo err >&2; exit 3"],
      labels,
    });
    // stdout and stderr are two streams: both are kept, their interleaving is the engine's.
    expect(result).toMatchObject({ exitCode: 3, timedOut: false });
    expect(result.logs.split("\n").sort()).toEqual(["", "err", "out"]);
    const left = await docker.listContainers({
      all: true,
      filters: { label: [`dev.labctl.student=${labels["dev.labctl.student"]}`] },
    });
    expect(left).toEqual([]);
  });

  it("answers a command the image does not have like the docker CLI: 127 and the engine's message", async () => {
    const result = await runContainer(docker, BUSYBOX_TEST_IMAGE, { cmd: ["no-such-command"], labels });
    expect(result.exitCode).toBe(127);
    expect(result.logs).toMatch(/no-such-command.*not found|not found.*no-such-command/);
  });

  it("has no network", async () => {
    const result = await runContainer(docker, BUSYBOX_TEST_IMAGE, { cmd: ["cat", "/proc/net/dev"], labels });
    expect(result.logs).toContain("lo:");
    expect(result.logs).not.toContain("eth0");
  });

  it("kills a container that outlives the timeout", async () => {
    const started = Date.now();
    const result = await runContainer(docker, BUSYBOX_TEST_IMAGE, {
      cmd: ["sleep", "60"],
      labels,
      timeoutMs: 1_000,
    });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBe(137);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
