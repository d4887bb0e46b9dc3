import type { ProgramContext } from "@labctl/sdk";
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { APP_LABELS, CLUSTER_DNS, CONTAINER_PORT, INGRESS_SOURCE_CIDRS } from "./topology";

export interface NetworkPolicies {
  defaultDeny: k8s.networking.v1.NetworkPolicy;
  allowIngress: k8s.networking.v1.NetworkPolicy;
  allowDns: k8s.networking.v1.NetworkPolicy;
}

/**
 * The namespace's firewall, in three policies that add up (NetworkPolicies only ever allow):
 * nothing in or out for any pod; then the ingress controller to the app pods on their port; then
 * every pod to the cluster DNS. Replies to allowed connections need no rule of their own.
 */
export function networkPolicies(
  ctx: ProgramContext,
  namespace: pulumi.Input<string>,
  labels: Record<string, string>,
  opts: pulumi.CustomResourceOptions,
): NetworkPolicies {
  const policy = (role: string, spec: k8s.types.input.networking.v1.NetworkPolicySpec) =>
    new k8s.networking.v1.NetworkPolicy(
      role,
      { metadata: { name: ctx.name(role), namespace, labels }, spec },
      opts,
    );

  // An empty podSelector selects every pod of the namespace; no rules means nothing is allowed.
  const defaultDeny = policy("default-deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] });

  // The ingress controller is cloud-provider-kind's Envoy, outside the cluster (see
  // INGRESS_SOURCE_CIDRS): an ipBlock of the kind network, not a namespace/pod selector.
  const allowIngress = policy("allow-ingress", {
    podSelector: { matchLabels: { ...APP_LABELS } },
    policyTypes: ["Ingress"],
    ingress: [
      {
        from: INGRESS_SOURCE_CIDRS.map((cidr) => ({ ipBlock: { cidr } })),
        ports: [{ protocol: "TCP", port: CONTAINER_PORT }],
      },
    ],
  });

  // Policies see the packet after the DNS Service's DNAT, so the rule names the CoreDNS pods.
  const allowDns = policy("allow-dns", {
    podSelector: {},
    policyTypes: ["Egress"],
    egress: [
      {
        to: [
          {
            namespaceSelector: { matchLabels: { ...CLUSTER_DNS.namespaceLabels } },
            podSelector: { matchLabels: { ...CLUSTER_DNS.podLabels } },
          },
        ],
        ports: [
          { protocol: "UDP", port: CLUSTER_DNS.port },
          { protocol: "TCP", port: CLUSTER_DNS.port },
        ],
      },
    ],
  });
  return { defaultDeny, allowIngress, allowDns };
}
