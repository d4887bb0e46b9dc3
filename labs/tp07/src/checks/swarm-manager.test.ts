import { networkError, swarmView } from "@labctl/testing";
import { runCheck } from "../test-support/checks-fixture";
import { swarmManager } from "./swarm-manager";

describe("swarm-manager", () => {
  it("passes on the manager of an active swarm", async () => {
    expect(await runCheck(swarmManager)).toEqual({
      status: "pass",
      message: "the engine is a manager of an active swarm (node node1; 1 node, 1 manager)",
    });
  });

  it("fails off a swarm, naming the state and the engine's error", async () => {
    const inactive = swarmView({ localNodeState: "inactive", controlAvailable: false, nodeId: "" });
    expect(await runCheck(swarmManager, { swarm: inactive })).toEqual({
      status: "fail",
      message: "the engine is not in an active swarm (state inactive)",
    });
    const broken = swarmView({
      localNodeState: "error",
      error: "manager stopped: can't initialize raft node",
    });
    expect((await runCheck(swarmManager, { swarm: broken })).message).toBe(
      "the engine is not in an active swarm (state error: manager stopped: can't initialize raft node)",
    );
  });

  it("fails on a worker", async () => {
    const worker = swarmView({ controlAvailable: false, nodeId: "worker7" });
    expect((await runCheck(swarmManager, { swarm: worker })).message).toBe(
      "the engine is in a swarm, but node worker7 is a worker: services can only be created and inspected on a manager",
    );
  });

  it("is an error when the engine does not answer", async () => {
    const down = networkError("ENOENT", "connect ENOENT /var/run/docker.sock");
    expect(await runCheck(swarmManager, { dockerError: down })).toEqual({
      status: "error",
      message: "could not query the Docker engine: connect ENOENT /var/run/docker.sock",
    });
  });
});
