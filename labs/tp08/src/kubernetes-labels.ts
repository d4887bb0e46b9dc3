import { ExitCode, LabctlError } from "@labctl/sdk";

// Kubernetes' own rules (apimachinery's validation): a key is an optional DNS-subdomain prefix and
// `/`, then a name of at most 63 characters; a value is empty or such a name.
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const PREFIX = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why `key: value` cannot be a Kubernetes label, or undefined when it can. */
export function labelProblem(key: string, value: string): string | undefined {
  const slash = key.lastIndexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && !PREFIX.test(prefix))
    return `the key's prefix "${prefix}" is not a DNS subdomain`;
  if (!NAME.test(name))
    return `the key "${key}" is not a label name (at most 63 letters, digits, "-", "_", ".")`;
  if (value !== "" && !NAME.test(value)) return `the value "${value}" is not a label value`;
  return undefined;
}

/**
 * The labels as Kubernetes objects take them, checked first: the API server would refuse an
 * invalid one halfway through `up`, after the namespace exists; here it stops before anything.
 */
export function kubernetesLabels(labels: Record<string, string>): Record<string, string> {
  for (const [key, value] of Object.entries(labels)) {
    const problem = labelProblem(key, value);
    if (problem) {
      throw new LabctlError(
        `The label ${key}=${value} cannot go on a Kubernetes object: ${problem}.`,
        "Label values come from the lab, student and class ids and labctl's version; report this as a labctl bug.",
        ExitCode.badInput,
        "BAD_K8S_LABEL",
      );
    }
  }
  return { ...labels };
}
