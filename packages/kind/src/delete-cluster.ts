import { resolve } from "node:path";
import { checkClusterName } from "./cluster-name";
import { kindFailure } from "./kind-errors";
import { type KindOptions, runKind } from "./run-kind";

export interface DeleteClusterOptions extends KindOptions {
  name: string;
  /** The cluster's own kubeconfig, whose entry kind removes; default kind's ($KUBECONFIG or ~/.kube/config). */
  kubeconfigPath?: string;
}

/** The node containers kind reports removing: `Deleted nodes: ["a-control-plane" "a-worker"]`. */
const deletedNodes = (stderr: string) =>
  [...(/Deleted nodes: \[(.*)\]/.exec(stderr)?.[1]?.matchAll(/"([^"]+)"/g) ?? [])].flatMap((m) => m[1] ?? []);

/**
 * `kind delete cluster`. Idempotent, as kind is: a cluster that does not exist is deleted already
 * (kind prints `Deleting cluster "x" ...` and exits 0), and `nodes` is then empty.
 */
export async function deleteCluster(
  options: DeleteClusterOptions,
): Promise<{ name: string; nodes: string[] }> {
  const name = checkClusterName(options.name);
  const args = ["delete", "cluster", "--name", name];
  if (options.kubeconfigPath) args.push("--kubeconfig", resolve(options.kubeconfigPath));
  const run = await runKind(args, options);
  if (run.exitCode !== 0) throw kindFailure(run, `kind could not delete cluster "${name}"`);
  return { name, nodes: deletedNodes(run.stderr) };
}
