import Docker from "dockerode";
import { runContainer } from "./run-container";

describe("runContainer's network", () => {
  const docker = new Docker({ socketPath: "/nonexistent/docker.sock" });
  afterEach(() => jest.restoreAllMocks());

  /** A container the engine refuses to start: the create options are all the test needs. */
  function refusedStart() {
    const container = docker.getContainer("probe");
    jest
      .spyOn(container, "start")
      .mockRejectedValue(Object.assign(new Error("refused"), { statusCode: 500 }));
    jest
      .spyOn(container, "inspect")
      .mockResolvedValue({ State: { Error: "network x not manually attachable", ExitCode: 0 } } as never);
    jest.spyOn(container, "remove").mockResolvedValue(undefined as never);
    return jest.spyOn(docker, "createContainer").mockResolvedValue(container as never);
  }

  it("has no network unless told, else the one named (an attachable overlay)", async () => {
    const create = refusedStart();
    await runContainer(docker, "busybox", { cmd: ["true"], labels: {} });
    expect(create.mock.calls[0]?.[0].HostConfig).toEqual({ NetworkMode: "none" });
    const result = await runContainer(docker, "busybox", {
      cmd: ["true"],
      labels: {},
      network: "tp07-alice-front",
    });
    expect(create.mock.calls[1]?.[0].HostConfig).toEqual({ NetworkMode: "tp07-alice-front" });
    // An overlay the engine will not attach is a result (125 and its words), not a throw.
    expect(result).toEqual({ exitCode: 125, logs: "network x not manually attachable", timedOut: false });
  });
});
