import { createHash } from "node:crypto";
import { ustarOneFile } from "./ustar";

export const MEDIA_TYPE = {
  manifest: "application/vnd.docker.distribution.manifest.v2+json",
  config: "application/vnd.docker.container.image.v1+json",
  // The layer is a plain tar, so no gzip: its digest is also its diff id.
  layer: "application/vnd.docker.image.rootfs.diff.tar",
} as const;

export interface Blob {
  digest: string;
  /** ASCII content: its length is its size in bytes. */
  content: string;
}

/** The smallest real image: one layer with one text file, its config and its manifest. */
export interface CheckImage {
  repository: string;
  tag: string;
  layer: Blob;
  config: Blob;
  manifest: Blob;
}

/** Where the checks push their image in the student's registry. */
export const CHECK_REPOSITORY = "labctl-check/hello";
export const CHECK_TAG = "v1";

const digestOf = (content: string) => `sha256:${createHash("sha256").update(content).digest("hex")}`;
const blob = (content: string): Blob => ({ digest: digestOf(content), content });
const ARCH: Record<string, string> = {
  x64: "amd64",
  arm64: "arm64",
  arm: "arm",
  s390x: "s390x",
  ppc64: "ppc64le",
};

/**
 * The image the checks push for a student: the same bytes every time for the same student, so
 * a second push changes nothing and its digests can be predicted.
 */
export function checkImage(studentId: string): CheckImage {
  const layer = blob(ustarOneFile("labctl-check.txt", `pushed by labctl for ${studentId}\n`));
  const config = blob(
    JSON.stringify({
      created: "1970-01-01T00:00:00Z",
      architecture: ARCH[process.arch] ?? process.arch,
      os: "linux",
      config: { Labels: { "dev.labctl.check": "tp06" } },
      rootfs: { type: "layers", diff_ids: [layer.digest] },
      history: [{ created: "1970-01-01T00:00:00Z", created_by: "labctl tp06 check image" }],
    }),
  );
  const manifest = blob(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.manifest,
      config: { mediaType: MEDIA_TYPE.config, size: config.content.length, digest: config.digest },
      layers: [{ mediaType: MEDIA_TYPE.layer, size: layer.content.length, digest: layer.digest }],
    }),
  );
  return { repository: CHECK_REPOSITORY, tag: CHECK_TAG, layer, config, manifest };
}
