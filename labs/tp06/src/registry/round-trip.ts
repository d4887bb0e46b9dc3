import type { HttpProbe } from "@labctl/sdk";
import { type Blob, type CheckImage, MEDIA_TYPE } from "./check-image";
import { expectStatus, RegistryStepError, type RegistryTarget, registryRequest } from "./registry-http";

/**
 * `docker push` spoken by hand: each blob is uploaded (POST starts an upload session, PUT
 * closes it with the digest), then the manifest is put under the tag. Blobs the registry
 * already holds are skipped, as the Docker client does.
 */
export async function pushByHttp(http: HttpProbe, target: RegistryTarget, image: CheckImage): Promise<void> {
  const call = (path: string, req = {}) => registryRequest(http, target, path, req);
  for (const [what, blob] of [
    ["layer", image.layer],
    ["config", image.config],
  ] as [string, Blob][]) {
    const head = await call(`/v2/${image.repository}/blobs/${blob.digest}`, { method: "HEAD" });
    if (head.status === 200) continue;
    const started = await expectStatus(`starting the ${what} upload`, 202, () =>
      call(`/v2/${image.repository}/blobs/uploads/`, { method: "POST" }),
    );
    const location = started.headers.location;
    if (!location) throw new RegistryStepError(`starting the ${what} upload gave no Location header`);
    const put = new URL(location, target.url);
    put.searchParams.set("digest", blob.digest);
    await expectStatus(`uploading the ${what} ${blob.digest}`, 201, () =>
      call(put.toString(), {
        method: "PUT",
        headers: { "content-type": "application/octet-stream" },
        body: blob.content,
      }),
    );
  }
  await expectStatus(`putting the manifest ${image.repository}:${image.tag}`, 201, () =>
    call(`/v2/${image.repository}/manifests/${image.tag}`, {
      method: "PUT",
      headers: { "content-type": MEDIA_TYPE.manifest },
      body: image.manifest.content,
    }),
  );
}

/** `docker pull` spoken by hand: the manifest under the tag, then each blob, compared byte for byte. */
export async function pullByHttp(http: HttpProbe, target: RegistryTarget, image: CheckImage): Promise<void> {
  const name = `${image.repository}:${image.tag}`;
  const manifest = await expectStatus(`getting the manifest ${name}`, 200, () =>
    registryRequest(http, target, `/v2/${image.repository}/manifests/${image.tag}`, {
      headers: { accept: MEDIA_TYPE.manifest },
    }),
  );
  const digest = manifest.headers["docker-content-digest"];
  if (manifest.body !== image.manifest.content || (digest && digest !== image.manifest.digest)) {
    throw new RegistryStepError(`the manifest of ${name} came back changed (digest ${digest ?? "none"})`);
  }
  for (const blob of [image.config, image.layer]) {
    const got = await expectStatus(`getting the blob ${blob.digest}`, 200, () =>
      registryRequest(http, target, `/v2/${image.repository}/blobs/${blob.digest}`),
    );
    if (got.body !== blob.content) throw new RegistryStepError(`the blob ${blob.digest} came back changed`);
  }
}
