import type Dockerode from "dockerode";
import { waitUntilReady } from "./container-wait";

type State = Partial<Dockerode.ContainerInspectInfo["State"]>;

/** A container whose successive inspects answer `states` (the last one repeats). */
function fakeContainer(states: { state: State; restarts?: number }[]): Dockerode.Container {
  let i = 0;
  return {
    id: "c0ffee",
    inspect: async () => {
      const { state, restarts } = states[Math.min(i++, states.length - 1)] as {
        state: State;
        restarts?: number;
      };
      return {
        Name: "/tp03-ann-ghost",
        RestartCount: restarts ?? 0,
        State: { Running: false, Restarting: false, Status: "running", ExitCode: 0, ...state },
      };
    },
    logs: async () => Buffer.from("boom\n"),
  } as unknown as Dockerode.Container;
}

// With a healthcheck (Ghost's): between two crashes it runs, but never gets healthy.
const starting = { Health: { Status: "starting", FailingStreak: 0, Log: [] } } as State;
const running = (restarts: number) => ({
  state: { Running: true, Status: "running", ...starting },
  restarts,
});
const healthy = (restarts: number) => ({
  state: { Running: true, Status: "running", Health: { ...starting.Health, Status: "healthy" } } as State,
  restarts,
});
const restarting = (restarts: number) => ({
  state: { Restarting: true, Status: "restarting", ExitCode: 1 },
  restarts,
});

describe("waitUntilReady", () => {
  it("a container restarting in a loop fails at once with that cause, not at the deadline", async () => {
    const container = fakeContainer([
      { state: { Status: "created" } },
      restarting(1),
      running(1),
      restarting(2),
      restarting(4),
    ]);
    const start = Date.now();
    await expect(waitUntilReady(container, 60_000)).rejects.toMatchObject({
      code: "CONTAINER_NOT_READY",
      message: expect.stringContaining(
        "container tp03-ann-ghost is restarting in a loop (4 restarts while waiting; last exit code 1)",
      ),
    });
    expect(Date.now() - start).toBeLessThan(5_000);
  });

  it("one restart on the way up is no loop", async () => {
    const container = fakeContainer([restarting(0), restarting(1), running(1), healthy(1)]);
    await expect(waitUntilReady(container, 10_000)).resolves.toBeUndefined();
  });

  it("an exit is reported as an exit", async () => {
    const container = fakeContainer([{ state: { Status: "exited", ExitCode: 3 } }]);
    await expect(waitUntilReady(container, 10_000)).rejects.toMatchObject({
      message: expect.stringContaining("exited with code 3"),
    });
  });
});
