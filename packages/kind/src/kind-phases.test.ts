import { parsePhase, parsePhases } from "./kind-phases";
import { fixture } from "./test-support/fake-kind";

describe("parsePhases", () => {
  it("reads each step of a successful create, in order, started then done", async () => {
    const phases = parsePhases(await fixture("create-success.stderr.txt"));
    const steps = [
      "Ensuring node image (kindest/node:v1.37.0) 🖼",
      "Preparing nodes 📦 📦",
      "Writing configuration 📜",
      "Starting control-plane 🕹️",
      "Installing CNI 🔌",
      "Installing StorageClass 💾",
      "Joining worker nodes 🚜",
      "Waiting ≤ 1m0s for control-plane = Ready ⏳",
    ];
    expect(phases).toEqual(
      steps.flatMap((phase) => [
        { phase, state: "started" },
        { phase, state: "done" },
      ]),
    );
  });

  it("reads a failed step", async () => {
    expect(parsePhases(await fixture("create-port-allocated.stderr.txt")).at(-1)).toEqual({
      phase: "Preparing nodes 📦 📦",
      state: "failed",
    });
  });
});

describe("parsePhase", () => {
  it.each([
    [" • Ready after 15s 💚"],
    ['Creating cluster "x" ...'],
    ['Set kubectl context to "kind-x"'],
    [""],
  ])("ignores a line that is not a step: %j", (line) => {
    expect(parsePhase(line)).toBeUndefined();
  });

  it("reads a step redrawn by a spinner or coloured", () => {
    expect(parsePhase("\u001b[32m ✓ Installing CNI 🔌 \u001b[0m")).toEqual({
      phase: "Installing CNI 🔌",
      state: "done",
    });
  });
});
