import { checkContainerRunning } from "./container-state";
import type { ContainerView, DockerProbe } from "./docker-probe";

const probe = (state?: Partial<ContainerView["state"]>) =>
  ({
    container: async (name: string) =>
      state &&
      ({ name, state: { status: "running", running: true, exitCode: 0, ...state } } as ContainerView),
  }) as unknown as DockerProbe;

describe("checkContainerRunning", () => {
  it("passes a running container, naming its health when it has a healthcheck", async () => {
    expect(await checkContainerRunning(probe({}), "web", "tp01-a-web")).toEqual({
      status: "pass",
      message: "web container tp01-a-web is running",
    });
    expect((await checkContainerRunning(probe({ health: "healthy" }), "db", "x")).message).toBe(
      "db container x is running and healthy",
    );
  });

  it("fails a missing, stopped or unhealthy container and says which", async () => {
    expect(await checkContainerRunning(probe(), "db", "x")).toEqual({
      status: "fail",
      message: "db container x does not exist",
    });
    expect(
      (await checkContainerRunning(probe({ status: "exited", running: false, exitCode: 137 }), "db", "x"))
        .message,
    ).toBe("db container x is exited (exit code 137)");
    expect(
      (
        await checkContainerRunning(
          probe({ status: "restarting", running: true, exitCode: 1, restartCount: 4 }),
          "ghost",
          "x",
        )
      ).message,
    ).toBe("ghost container x keeps crashing: it is restarting (4 restarts so far, last exit code 1)");
    expect((await checkContainerRunning(probe({ health: "starting" }), "db", "x")).message).toBe(
      "db container x is running but its healthcheck reports starting",
    );
  });
});
