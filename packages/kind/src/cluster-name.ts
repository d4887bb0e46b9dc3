import { ExitCode, LabctlError } from "@labctl/sdk";

// kind's own rule for cluster names (its config validation), checked before kind runs.
const CLUSTER_NAME = /^[a-z0-9.-]+$/;

/** The name, or a LabctlError kind would have raised later and less clearly. */
export function checkClusterName(name: string): string {
  if (CLUSTER_NAME.test(name) && !name.startsWith("-")) return name;
  throw new LabctlError(
    `"${name}" is not a valid kind cluster name.`,
    "Use lowercase letters, digits, '-' and '.' only (labctl derives names as <lab>-<student>).",
    ExitCode.badInput,
    "KIND_BAD_NAME",
  );
}
