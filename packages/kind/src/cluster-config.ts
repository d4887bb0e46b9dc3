import { ExitCode, LabctlError } from "@labctl/sdk";
import { stringify } from "yaml";
import { nodeLabelProblem } from "./node-labels";

/** A host port published by a node container (kind's `extraPortMappings`). */
export interface PortMapping {
  containerPort: number;
  /** Omitted: kind picks a random free port. */
  hostPort?: number;
  /** Default 127.0.0.1 (DESIGN §4: published ports bind loopback unless asked otherwise). */
  listenAddress?: string;
  /** Default TCP. */
  protocol?: "TCP" | "UDP" | "SCTP";
}

export interface NodeSpec {
  role: "control-plane" | "worker";
  /** kind's node `labels` field (in the pinned kind's v1alpha4 Node), set by the kubelet as it registers. */
  labels?: Record<string, string>;
  extraPortMappings?: PortMapping[];
  /** A node image other than the cluster's (`--image` sets every node's). */
  image?: string;
  kubeadmConfigPatches?: string[];
}

export interface NetworkingSpec {
  /** Default 127.0.0.1: the API server is reachable from this host only. */
  apiServerAddress?: string;
  /** Default 0: kind picks a random free port, so clusters never collide on 6443. */
  apiServerPort?: number;
  podSubnet?: string;
  serviceSubnet?: string;
  disableDefaultCNI?: boolean;
  kubeProxyMode?: "iptables" | "ipvs" | "nftables" | "none";
}

/** The kind `Cluster` labctl asks for, in TypeScript. */
export interface ClusterSpec {
  /** Default: one control-plane node. */
  nodes?: NodeSpec[];
  networking?: NetworkingSpec;
  featureGates?: Record<string, boolean>;
  /** TOML merged into every node's containerd config (registry mirrors, for instance). */
  containerdConfigPatches?: string[];
}

const badConfig = (problem: string) =>
  new LabctlError(
    `The kind cluster configuration is invalid: ${problem}.`,
    "Fix the cluster spec passed to renderClusterConfig (a labctl bug if it came from a lab or infra package).",
    ExitCode.badInput,
    "KIND_BAD_CONFIG",
  );

const isPort = (port: number) => Number.isInteger(port) && port >= 1 && port <= 65535;

function checkNodes(nodes: NodeSpec[]): void {
  if (!nodes.some((node) => node.role === "control-plane")) throw badConfig("no node has role control-plane");
  const bound = new Set<string>();
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node.labels ?? {})) {
      const problem = nodeLabelProblem(key, value);
      if (problem) throw badConfig(problem);
    }
    for (const mapping of node.extraPortMappings ?? []) {
      if (!isPort(mapping.containerPort))
        throw badConfig(`containerPort ${mapping.containerPort} is not a port`);
      if (mapping.hostPort === undefined) continue;
      if (!isPort(mapping.hostPort)) throw badConfig(`hostPort ${mapping.hostPort} is not a port`);
      const binding = `${mapping.listenAddress ?? "127.0.0.1"}:${mapping.hostPort}/${mapping.protocol ?? "TCP"}`;
      if (bound.has(binding)) throw badConfig(`host port ${binding} is mapped twice`);
      bound.add(binding);
    }
  }
}

const renderNode = (node: NodeSpec) => ({
  role: node.role,
  image: node.image,
  labels: node.labels && Object.keys(node.labels).length > 0 ? node.labels : undefined,
  extraPortMappings: node.extraPortMappings?.map((mapping) => ({
    containerPort: mapping.containerPort,
    hostPort: mapping.hostPort,
    listenAddress: mapping.listenAddress ?? "127.0.0.1",
    protocol: mapping.protocol ?? "TCP",
  })),
  kubeadmConfigPatches: node.kubeadmConfigPatches?.length ? node.kubeadmConfigPatches : undefined,
});

/** kind's `Cluster` config (kind.x-k8s.io/v1alpha4) as YAML. Pure; throws on a spec kind would reject. */
export function renderClusterConfig(spec: ClusterSpec = {}): string {
  const nodes: NodeSpec[] = spec.nodes?.length ? spec.nodes : [{ role: "control-plane" }];
  checkNodes(nodes);
  const config = {
    kind: "Cluster",
    apiVersion: "kind.x-k8s.io/v1alpha4",
    networking: { apiServerAddress: "127.0.0.1", apiServerPort: 0, ...spec.networking },
    featureGates: spec.featureGates,
    containerdConfigPatches: spec.containerdConfigPatches?.length ? spec.containerdConfigPatches : undefined,
    nodes: nodes.map(renderNode),
  };
  return stringify(config, { lineWidth: 0 });
}
