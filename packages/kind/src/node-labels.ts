/**
 * kind applies a node's `labels` through the kubelet's --node-labels, so they obey the kubelet's
 * rules: a kubelet may not give itself most labels of the kubernetes.io and k8s.io namespaces
 * (node-role.kubernetes.io/worker is the classic mistake), and refuses to start if asked to.
 */
const KUBELET_ALLOWED = new Set([
  "kubernetes.io/hostname",
  "kubernetes.io/arch",
  "kubernetes.io/os",
  "beta.kubernetes.io/arch",
  "beta.kubernetes.io/os",
  "beta.kubernetes.io/instance-type",
  "node.kubernetes.io/instance-type",
  "failure-domain.beta.kubernetes.io/region",
  "failure-domain.beta.kubernetes.io/zone",
  "topology.kubernetes.io/region",
  "topology.kubernetes.io/zone",
]);
const KUBELET_ALLOWED_NAMESPACES = ["kubelet.kubernetes.io", "node.kubernetes.io"];

const NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const inNamespace = (prefix: string, namespace: string) =>
  prefix === namespace || prefix.endsWith(`.${namespace}`);

/** Why a node label cannot be set through kind, or undefined when it can. */
export function nodeLabelProblem(key: string, value: string): string | undefined {
  const slash = key.lastIndexOf("/");
  const prefix = slash < 0 ? "" : key.slice(0, slash);
  const name = key.slice(slash + 1);
  if (prefix && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)))
    return `label key "${key}" has an invalid prefix (a DNS subdomain, at most 253 characters)`;
  if (!NAME.test(name))
    return `label key "${key}" has an invalid name (at most 63 letters, digits, "-", "_" or ".")`;
  if (value !== "" && !NAME.test(value))
    return `label "${key}" has an invalid value "${value}" (at most 63 letters, digits, "-", "_" or ".")`;
  const restricted = inNamespace(prefix, "kubernetes.io") || inNamespace(prefix, "k8s.io");
  const allowed =
    KUBELET_ALLOWED.has(key) || KUBELET_ALLOWED_NAMESPACES.some((ns) => inNamespace(prefix, ns));
  if (restricted && !allowed)
    return `label "${key}" is in a namespace the kubelet may not set on its own node (use a prefix of your own instead)`;
  return undefined;
}
