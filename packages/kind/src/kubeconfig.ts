import { checkClusterName } from "./cluster-name";
import { kindFailure } from "./kind-errors";
import { type KindOptions, runKind } from "./run-kind";

/**
 * `kind get kubeconfig`: the cluster's kubeconfig as text. `internal` gives the address other
 * containers on Docker's `kind` network use, instead of the host's 127.0.0.1 port.
 */
export async function kubeconfig(
  name: string,
  options: KindOptions & { internal?: boolean } = {},
): Promise<string> {
  const args = ["get", "kubeconfig", "--name", checkClusterName(name)];
  if (options.internal) args.push("--internal");
  const run = await runKind(args, options);
  if (run.exitCode !== 0) throw kindFailure(run, `kind could not give the kubeconfig of cluster "${name}"`);
  return run.stdout;
}
