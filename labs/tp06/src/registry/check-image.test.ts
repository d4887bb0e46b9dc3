import { createHash } from "node:crypto";
import { CHECK_REPOSITORY, CHECK_TAG, checkImage, MEDIA_TYPE } from "./check-image";

const sha = (s: string) => `sha256:${createHash("sha256").update(s).digest("hex")}`;

describe("checkImage", () => {
  it("is one layer, its config and a schema 2 manifest that reference each other by digest", () => {
    const image = checkImage("alice");
    expect(image).toMatchObject({ repository: CHECK_REPOSITORY, tag: CHECK_TAG });
    for (const blob of [image.layer, image.config, image.manifest])
      expect(blob.digest).toBe(sha(blob.content));
    const config = JSON.parse(image.config.content);
    expect(config).toMatchObject({ os: "linux", rootfs: { type: "layers", diff_ids: [image.layer.digest] } });
    expect(JSON.parse(image.manifest.content)).toEqual({
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.manifest,
      config: {
        mediaType: MEDIA_TYPE.config,
        size: image.config.content.length,
        digest: image.config.digest,
      },
      layers: [{ mediaType: MEDIA_TYPE.layer, size: image.layer.content.length, digest: image.layer.digest }],
    });
    expect(image.layer.content).toContain("pushed by labctl for alice");
  });

  it("is the same for the same student and differs between students", () => {
    expect(checkImage("alice")).toEqual(checkImage("alice"));
    expect(checkImage("bob").manifest.digest).not.toBe(checkImage("alice").manifest.digest);
  });
});
