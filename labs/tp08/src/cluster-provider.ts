import { ExitCode, LabctlError, type ProgramContext } from "@labctl/sdk";
import * as k8s from "@pulumi/kubernetes";

/**
 * The one provider every resource of the program uses, built from the cluster labctl chose. With
 * `kubeconfig` always set, the provider never reads ~/.kube/config or $KUBECONFIG on its own.
 * The path, not the file's contents, goes to the provider: the Pulumi state then holds no
 * cluster credentials (a kind cluster's file is rewritten when the cluster is re-created).
 */
export function clusterProvider(ctx: ProgramContext): k8s.Provider {
  const target = ctx.kubernetes;
  if (!target?.kubeconfigPath) {
    throw new LabctlError(
      `Lab ${ctx.lab} needs a Kubernetes cluster and was given none.`,
      "Create the lab's kind cluster first, or set `kubeconfig` (and `context`) in the labctl config to use a shared cluster.",
      ExitCode.infrastructure,
      "NO_CLUSTER",
    );
  }
  return new k8s.Provider("cluster", {
    kubeconfig: target.kubeconfigPath,
    context: target.context,
    // A deleted kind cluster must not block `down`: what lived in it is gone with it.
    deleteUnreachable: true,
  });
}
