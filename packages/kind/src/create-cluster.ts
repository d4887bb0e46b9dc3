import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { ExitCode, LabctlError } from "@labctl/sdk";
import { type ClusterSpec, renderClusterConfig } from "./cluster-config";
import { checkClusterName } from "./cluster-name";
import { kindFailure } from "./kind-errors";
import { type KindPhase, parsePhase } from "./kind-phases";
import { type KindOptions, runKind } from "./run-kind";

export interface CreateClusterOptions extends KindOptions {
  name: string;
  /** A spec to render, or kind Cluster YAML already rendered. */
  config: ClusterSpec | string;
  /** This cluster's own kubeconfig file: parallel creates never share one (nor ~/.kube/config). */
  kubeconfigPath: string;
  /** The node image (`--image`); default kind's own, see KIND_NODE_IMAGE. */
  image?: string;
  /** Have kind wait this long for the control plane to be Ready (`--wait`). */
  waitMs?: number;
  /** Each step kind reports, as it reports it. */
  onPhase?: (phase: KindPhase) => void;
}

export interface CreatedCluster {
  name: string;
  kubeconfigPath: string;
  phases: KindPhase[];
  /** False when a step failed though kind succeeded: `--wait` ran out before the control plane was Ready. */
  ready: boolean;
}

/** Creating a cluster pulls an image and boots Kubernetes: generous, but bounded (plus any `waitMs`). */
export const CREATE_TIMEOUT_MS = 10 * 60_000;

/** Refuses the shared kubeconfig files, which parallel creates would race on. */
function ownKubeconfig(path: string): string {
  const absolute = resolve(path);
  const shared = [join(homedir(), ".kube", "config"), ...(process.env.KUBECONFIG?.split(":") ?? [])];
  if (!shared.some((file) => file && resolve(file) === absolute)) return absolute;
  throw new LabctlError(
    `Refusing to write the kind cluster's kubeconfig to the shared file ${absolute}.`,
    "Give each cluster a kubeconfig file of its own (e.g. under the class's state directory).",
    ExitCode.usage,
    "KIND_SHARED_KUBECONFIG",
  );
}

/** `kind create cluster` with a rendered config in a temporary file, removed afterwards. */
export async function createCluster(options: CreateClusterOptions): Promise<CreatedCluster> {
  const name = checkClusterName(options.name);
  const kubeconfigPath = ownKubeconfig(options.kubeconfigPath);
  const yaml = typeof options.config === "string" ? options.config : renderClusterConfig(options.config);
  await mkdir(dirname(kubeconfigPath), { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), "labctl-kind-"));
  try {
    const configPath = join(dir, "cluster.yaml");
    await writeFile(configPath, yaml, { mode: 0o600 });
    const args = [
      "create",
      "cluster",
      "--name",
      name,
      "--config",
      configPath,
      "--kubeconfig",
      kubeconfigPath,
    ];
    if (options.image) args.push("--image", options.image);
    if (options.waitMs) args.push("--wait", `${Math.ceil(options.waitMs / 1000)}s`);
    const phases: KindPhase[] = [];
    const run = await runKind(args, {
      binary: options.binary,
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? CREATE_TIMEOUT_MS + (options.waitMs ?? 0),
      creating: name,
      onStderrLine: (line) => {
        const phase = parsePhase(line);
        if (!phase) return;
        phases.push(phase);
        options.onPhase?.(phase);
      },
    });
    if (run.exitCode !== 0) throw kindFailure(run, `kind could not create cluster "${name}"`);
    return { name, kubeconfigPath, phases, ready: !phases.some((phase) => phase.state === "failed") };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
