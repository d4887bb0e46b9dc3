import { ExitCode, LabctlError } from "@labctl/sdk";
import { checkClusterName } from "./cluster-name";
import { kindFailure } from "./kind-errors";
import { type KindOptions, runKind } from "./run-kind";

/** Loading images copies them into every node: allow for large ones. */
export const LOAD_TIMEOUT_MS = 10 * 60_000;

/** `kind load docker-image`: copies images from the local Docker engine into every node of the cluster. */
export async function loadImage(name: string, images: string[], options: KindOptions = {}): Promise<void> {
  if (images.length === 0) return;
  const flagLike = images.find((image) => !image || image.startsWith("-"));
  if (flagLike !== undefined)
    throw new LabctlError(
      `"${flagLike}" is not an image name.`,
      "Pass image references such as nginx:1.27.",
      ExitCode.badInput,
      "KIND_BAD_IMAGE",
    );
  const args = ["load", "docker-image", ...images, "--name", checkClusterName(name)];
  const run = await runKind(args, { ...options, timeoutMs: options.timeoutMs ?? LOAD_TIMEOUT_MS });
  if (run.exitCode !== 0)
    throw kindFailure(run, `kind could not load ${images.join(", ")} into cluster "${name}"`);
}
