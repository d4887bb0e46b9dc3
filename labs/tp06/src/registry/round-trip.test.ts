import { aliceRegistry, OUTPUTS } from "../test-support/tp06-fixture";
import { checkImage } from "./check-image";
import { pullByHttp, pushByHttp } from "./round-trip";

const image = checkImage("alice");
const target = { url: OUTPUTS.registryUrl, auth: { username: "alice", password: OUTPUTS.registryPassword } };
const probe = (registry: ReturnType<typeof aliceRegistry>) => ({
  request: async (u: string, r?: object) => registry.handler(u, r),
});

describe("registry round trip over HTTP", () => {
  it("pushes blobs then the manifest, and pulls them back unchanged", async () => {
    const registry = aliceRegistry();
    await pushByHttp(probe(registry), target, image);
    expect([...registry.blobs.keys()].sort()).toEqual([image.config.digest, image.layer.digest].sort());
    expect(registry.manifests.get("labctl-check/hello:v1")?.digest).toBe(image.manifest.digest);
    await expect(pullByHttp(probe(registry), target, image)).resolves.toBeUndefined();
    // A second push finds the blobs there and only puts the manifest again.
    await expect(pushByHttp(probe(registry), target, image)).resolves.toBeUndefined();
  });

  it("names the step that failed", async () => {
    await expect(pushByHttp(probe(aliceRegistry({ readOnlyStorage: true })), target, image)).rejects.toThrow(
      `uploading the layer ${image.layer.digest} answered HTTP 500 (UNKNOWN: unknown error)`,
    );
    await expect(pushByHttp(probe(aliceRegistry()), { url: target.url }, image)).rejects.toThrow(
      "starting the layer upload answered HTTP 401 (UNAUTHORIZED: authentication required)",
    );
    await expect(pullByHttp(probe(aliceRegistry()), target, image)).rejects.toThrow(
      "getting the manifest labctl-check/hello:v1 answered HTTP 404 (MANIFEST_UNKNOWN: manifest unknown)",
    );
  });

  it("notices content that comes back changed", async () => {
    const registry = aliceRegistry();
    await pushByHttp(probe(registry), target, image);
    registry.blobs.set(image.layer.digest, "tampered");
    await expect(pullByHttp(probe(registry), target, image)).rejects.toThrow(
      `the blob ${image.layer.digest} came back changed`,
    );
  });
});
