import { type CheckResult, type DockerProbe, error, fail, type ImageView } from "@labctl/sdk";
import type { Tp04Outputs } from "../outputs";

/**
 * The built image and its runtime base, both needed to tell what the Dockerfile adds; otherwise
 * the result to give (no image: fail; no base: error, it cannot be decided). `what` completes
 * "cannot … what the Dockerfile adds".
 */
export async function imageAndBase(
  docker: DockerProbe,
  outputs: Pick<Tp04Outputs, "image" | "runtimeImage">,
  what: string,
): Promise<{ image: ImageView; base: ImageView } | { failure: CheckResult }> {
  const image = await docker.image(outputs.image);
  if (!image) return { failure: fail(`image ${outputs.image} does not exist`) };
  const base = await docker.image(outputs.runtimeImage);
  if (!base) {
    return {
      failure: error(
        `runtime base ${outputs.runtimeImage} is not on this engine: cannot ${what} what the Dockerfile adds`,
      ),
    };
  }
  return { image, base };
}
