import { nodeLabelProblem } from "./node-labels";

describe("nodeLabelProblem", () => {
  it.each([
    ["dev.labctl.student", "ada"],
    ["example.com/role", "ingress"],
    ["ingress-ready", "true"],
    ["topology.kubernetes.io/zone", "zone-a"],
    ["node.kubernetes.io/exclude-from-external-load-balancers", ""],
    ["pool.kubelet.kubernetes.io/name", "x"],
  ])("accepts %s=%s", (key, value) => {
    expect(nodeLabelProblem(key, value)).toBeUndefined();
  });

  it.each([
    ["node-role.kubernetes.io/worker", "", "may not set on its own node"],
    ["k8s.io/anything", "x", "may not set on its own node"],
    ["Bad_Prefix/x", "y", "invalid prefix"],
    ["example.com/", "y", "invalid name"],
    ["example.com/role", "-starts-with-dash", "invalid value"],
    ["x".repeat(64), "y", "invalid name"],
  ])("refuses %s=%s", (key, value, problem) => {
    expect(nodeLabelProblem(key, value)).toContain(problem);
  });
});
