import { LABEL } from "@labctl/sdk";
import { testLabels } from "@labctl/testing";
import { kubernetesLabels, labelProblem } from "./kubernetes-labels";

describe("kubernetesLabels", () => {
  it("passes labctl's labels through unchanged: their keys and values are valid Kubernetes labels", () => {
    const labels = testLabels({ lab: "tp08", studentId: "elodie-2", classId: "devops-2026", images: {} });
    expect(kubernetesLabels(labels)).toEqual(labels);
  });

  it("refuses a value Kubernetes would reject (a semver build suffix), naming the label", () => {
    const labels = { [LABEL.lab]: "tp08", [LABEL.version]: "0.1.0+build.7" };
    expect(() => kubernetesLabels(labels)).toThrow(
      expect.objectContaining({
        name: "LabctlError",
        code: "BAD_K8S_LABEL",
        exitCode: 65,
        message: expect.stringContaining("dev.labctl.version=0.1.0+build.7"),
      }),
    );
  });
});

describe("labelProblem", () => {
  it.each([
    ["app", "web"],
    ["k8s-app", "kube-dns"],
    ["kubernetes.io/metadata.name", "kube-system"],
    ["dev.labctl.version", "0.1.0-rc.1"],
    ["app", ""],
  ])("accepts %s=%s", (key, value) => {
    expect(labelProblem(key, value)).toBeUndefined();
  });

  it.each([
    ["Dev.Labctl/lab", "x", "prefix"],
    ["-app", "x", "key"],
    ["a".repeat(64), "x", "key"],
    ["app", "web!", "value"],
    ["app", "-web", "value"],
    ["app", "w".repeat(64), "value"],
  ])("refuses %s=%s (its %s)", (key, value, part) => {
    expect(labelProblem(key, value)).toMatch(
      part === "key" ? /the key/ : part === "prefix" ? /prefix/ : /the value/,
    );
  });
});
