import { networkError } from "@labctl/testing";
import { runCheck } from "../test-support/tp01-fixture";
import { engineReachable } from "./engine-reachable";

describe("engine-reachable", () => {
  it("passes with the engine's version", async () => {
    expect(await runCheck(engineReachable)).toEqual({
      status: "pass",
      message: "Docker Engine 20.10.24 answers (API 1.41)",
    });
  });

  it("is an error, not a grade, when the engine cannot be reached", async () => {
    const down = networkError("ENOENT", "connect ENOENT /var/run/docker.sock");
    expect(await runCheck(engineReachable, { dockerError: down })).toEqual({
      status: "error",
      message: "could not query the Docker engine: connect ENOENT /var/run/docker.sock",
    });
  });
});
