import type Dockerode from "dockerode";
import { crashLoops } from "./crash-loops";

/** One container whose successive inspects return the given states, then the last one forever. */
function dockerWith(states: Array<{ status: string; running: boolean; ageMs: number; restarts: number }>) {
  let looks = 0;
  const inspect = async () => {
    const s = states[Math.min(looks++, states.length - 1)] ?? states[0];
    if (!s) throw new Error("no state");
    return {
      Id: "c1",
      Name: "/tp97-ada-box",
      Image: "sha256:1",
      RestartCount: s.restarts,
      State: {
        Status: s.status,
        Running: s.running,
        ExitCode: 3,
        StartedAt: new Date(Date.now() - s.ageMs).toISOString(),
      },
      HostConfig: { RestartPolicy: { Name: "unless-stopped" } },
      Config: { Image: "busybox", Env: [], Labels: {}, Cmd: ["sh"] },
      NetworkSettings: { Networks: {} },
    };
  };
  const docker = {
    listContainers: async () => [{ Id: "c1", Names: ["/tp97-ada-box"], Labels: {} }],
    getContainer: () => ({ inspect, logs: async () => Buffer.from("cannot reach the database\n") }),
    modem: { demuxStream: () => undefined },
  } as unknown as Dockerode;
  return { docker, looks: () => looks };
}

describe("crashLoops", () => {
  it("finds a loop whose container is seen running, young, twice before its back-off shows", async () => {
    // The look that used to decide was the second: it landed in a restarted container's instant.
    const { docker } = dockerWith([
      { status: "running", running: true, ageMs: 10, restarts: 1 },
      { status: "running", running: true, ageMs: 5, restarts: 2 },
      { status: "restarting", running: false, ageMs: 300, restarts: 3 },
    ]);
    const found = await crashLoops(docker, {}, { minUptimeMs: 200 });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/tp97-ada-box is restarting in a loop \(3 restarts, last exit code 3\)/);
    expect(found[0]).toContain("cannot reach the database");
  });

  it("passes a container that keeps running, after it has run for the minimum uptime", async () => {
    const { docker, looks } = dockerWith([
      { status: "running", running: true, ageMs: 10, restarts: 0 },
      { status: "running", running: true, ageMs: 250, restarts: 0 },
    ]);
    await expect(crashLoops(docker, {}, { minUptimeMs: 200 })).resolves.toEqual([]);
    expect(looks()).toBeGreaterThanOrEqual(2);
  });

  it("gives up on a container forever young after three times the minimum uptime", async () => {
    const { docker } = dockerWith([{ status: "running", running: true, ageMs: 1, restarts: 9 }]);
    const started = Date.now();
    await expect(crashLoops(docker, {}, { minUptimeMs: 100 })).resolves.toEqual([]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
