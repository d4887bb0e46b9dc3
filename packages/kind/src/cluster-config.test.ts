import { parse } from "yaml";
import { renderClusterConfig } from "./cluster-config";

const render = (...args: Parameters<typeof renderClusterConfig>) => parse(renderClusterConfig(...args));

describe("renderClusterConfig", () => {
  it("renders one control-plane node with the API server on 127.0.0.1 and a random port by default", () => {
    expect(render()).toEqual({
      kind: "Cluster",
      apiVersion: "kind.x-k8s.io/v1alpha4",
      networking: { apiServerAddress: "127.0.0.1", apiServerPort: 0 },
      nodes: [{ role: "control-plane" }],
    });
  });

  it("renders roles, kind's labels field and port mappings bound to loopback over TCP by default", () => {
    const config = render({
      nodes: [
        { role: "control-plane", extraPortMappings: [{ containerPort: 80, hostPort: 8080 }] },
        { role: "worker", labels: { "dev.labctl.student": "ada", "topology.kubernetes.io/zone": "a" } },
        {
          role: "worker",
          extraPortMappings: [
            { containerPort: 53, hostPort: 5353, listenAddress: "0.0.0.0", protocol: "UDP" },
          ],
        },
      ],
    });
    expect(config.nodes).toEqual([
      {
        role: "control-plane",
        extraPortMappings: [
          { containerPort: 80, hostPort: 8080, listenAddress: "127.0.0.1", protocol: "TCP" },
        ],
      },
      { role: "worker", labels: { "dev.labctl.student": "ada", "topology.kubernetes.io/zone": "a" } },
      {
        role: "worker",
        extraPortMappings: [{ containerPort: 53, hostPort: 5353, listenAddress: "0.0.0.0", protocol: "UDP" }],
      },
    ]);
  });

  it("leaves hostPort out when kind should pick it, and keeps networking overrides", () => {
    const config = render({
      networking: { apiServerPort: 6443, podSubnet: "10.244.0.0/16", kubeProxyMode: "nftables" },
      nodes: [{ role: "control-plane", extraPortMappings: [{ containerPort: 30080 }] }],
    });
    expect(config.networking).toEqual({
      apiServerAddress: "127.0.0.1",
      apiServerPort: 6443,
      podSubnet: "10.244.0.0/16",
      kubeProxyMode: "nftables",
    });
    expect(config.nodes[0].extraPortMappings).toEqual([
      { containerPort: 30080, listenAddress: "127.0.0.1", protocol: "TCP" },
    ]);
  });

  it("renders patches as block strings kind can merge", () => {
    const patch =
      'kind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    node-labels: "ingress-ready=true"\n';
    const mirror =
      '[plugins."io.containerd.grpc.v1.cri".registry]\n  config_path = "/etc/containerd/certs.d"\n';
    const text = renderClusterConfig({
      containerdConfigPatches: [mirror],
      featureGates: { InPlacePodVerticalScaling: true },
      nodes: [{ role: "control-plane", kubeadmConfigPatches: [patch], image: "kindest/node:v1.36.4" }],
    });
    const config = parse(text);
    expect(config.containerdConfigPatches).toEqual([mirror]);
    expect(config.featureGates).toEqual({ InPlacePodVerticalScaling: true });
    expect(config.nodes[0]).toEqual({
      role: "control-plane",
      image: "kindest/node:v1.36.4",
      kubeadmConfigPatches: [patch],
    });
    expect(text).toContain("- |\n");
  });

  it.each([
    [{ nodes: [{ role: "worker" as const }] }, "no node has role control-plane"],
    [
      { nodes: [{ role: "control-plane" as const, extraPortMappings: [{ containerPort: 0 }] }] },
      "containerPort 0",
    ],
    [
      {
        nodes: [
          { role: "control-plane" as const, extraPortMappings: [{ containerPort: 80, hostPort: 70000 }] },
        ],
      },
      "hostPort 70000",
    ],
    [
      {
        nodes: [
          { role: "control-plane" as const, extraPortMappings: [{ containerPort: 80, hostPort: 8080 }] },
          { role: "worker" as const, extraPortMappings: [{ containerPort: 81, hostPort: 8080 }] },
        ],
      },
      "host port 127.0.0.1:8080/TCP is mapped twice",
    ],
    [
      { nodes: [{ role: "control-plane" as const, labels: { "node-role.kubernetes.io/worker": "" } }] },
      "may not set on its own node",
    ],
  ])("refuses a spec kind would reject (%#)", (spec, problem) => {
    expect(() => renderClusterConfig(spec)).toThrow(
      expect.objectContaining({ code: "KIND_BAD_CONFIG", exitCode: 65 }),
    );
    expect(() => renderClusterConfig(spec)).toThrow(problem);
  });
});
