import type { EnvironmentSpec } from "@labctl/core";
import { BOOKKEEPING, inputsHash, objectLabels } from "./object-labels";

const spec = {
  lab: { id: "tp99" },
  student: { id: "alice", name: "Alice" },
  classId: "default",
  labels: {
    "dev.labctl.lab": "tp99",
    "dev.labctl.student": "alice",
    "dev.labctl.class": "default",
    "dev.labctl.version": "1.0.0",
  },
} as unknown as EnvironmentSpec;

describe("objectLabels", () => {
  it("adds the environment labels the program forgot, plus bookkeeping", () => {
    const labels = objectLabels(
      spec,
      { app: "web" },
      { name: "web", type: "docker:index/container:Container" },
      "h1",
    );
    expect(labels).toEqual({
      app: "web",
      ...spec.labels,
      [BOOKKEEPING.resource]: "web",
      [BOOKKEEPING.type]: "docker:index/container:Container",
      [BOOKKEEPING.spec]: "h1",
    });
  });

  it("never lets the program mislabel an object out of its environment", () => {
    const labels = objectLabels(spec, { "dev.labctl.student": "bob" }, { name: "n", type: "t" }, "h");
    expect(labels["dev.labctl.student"]).toBe("alice");
  });
});

describe("inputsHash", () => {
  const inputs = (version: string, env = "A=1") => ({
    envs: [env],
    labels: [
      { label: "dev.labctl.version", value: version },
      { label: "app", value: "web" },
    ],
  });

  it("ignores the labctl version label", () => {
    expect(inputsHash("t", inputs("1.0.0"))).toBe(inputsHash("t", inputs("2.0.0")));
  });

  it("follows inputs, type and extra facts", () => {
    const base = inputsHash("t", inputs("1"));
    expect(inputsHash("t", inputs("1", "A=2"))).not.toBe(base);
    expect(inputsHash("u", inputs("1"))).not.toBe(base);
    expect(inputsHash("t", inputs("1"), { imageId: "sha256:1" })).not.toBe(base);
  });
});
