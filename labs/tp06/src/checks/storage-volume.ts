import { type Check, engineGuard, fail, pass, volumeMountProblem } from "@labctl/sdk";
import type { Tp06Outputs } from "../outputs";
import { checkImage } from "../registry/check-image";
import { STORAGE_DIR } from "../topology";

/** Where the filesystem storage driver keeps a blob's bytes. */
export function blobDataPath(digest: string): string {
  const hex = digest.replace(/^sha256:/, "");
  return `${STORAGE_DIR}/docker/registry/v2/blobs/sha256/${hex.slice(0, 2)}/${hex}/data`;
}

export const storageVolume: Check<Tp06Outputs> = {
  id: "storage-volume",
  title: `The registry stores its images on the lab's named volume at ${STORAGE_DIR}`,
  points: 3,
  needs: ["http-round-trip"],
  hint: `Images must survive the registry container: mount the named volume on ${STORAGE_DIR}. Compare \`docker volume ls\` with the Mounts of \`docker inspect <registry container>\`, and list \`docker exec <registry container> ls ${STORAGE_DIR}/docker/registry/v2/repositories\`.`,
  run: ({ docker, outputs, studentId }) =>
    engineGuard(async () => {
      const { registryContainer: name, volume: expected } = outputs;
      if (!(await docker.volume(expected))) return fail(`volume ${expected} does not exist`);
      const registry = await docker.container(name);
      if (!registry) return fail(`registry container ${name} does not exist`);
      const problem = volumeMountProblem(registry, STORAGE_DIR, expected);
      if (problem) return fail(problem);
      const { layer } = checkImage(studentId);
      const listed = await docker.exec(name, ["ls", blobDataPath(layer.digest)]);
      if (listed.exitCode !== 0) {
        const why = listed.stderr.trim() || `ls exited with code ${listed.exitCode}`;
        return fail(`the pushed layer ${layer.digest} is not in ${STORAGE_DIR} of ${name}: ${why}`);
      }
      return pass(
        `${STORAGE_DIR} in ${name} is on volume ${expected} and holds the pushed layer ${layer.digest}`,
      );
    }),
};
