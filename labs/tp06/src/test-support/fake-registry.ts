import { createHash } from "node:crypto";
import type { HttpRequest, HttpResponse } from "@labctl/sdk";

export interface FakeRegistryOptions {
  /** Base URL the registry answers on (its Location headers are absolute, as the real one's). */
  url: string;
  user: string;
  password: string;
  /** Authentication off: anonymous requests are served, as without REGISTRY_AUTH. */
  authOff?: boolean;
  /** Storage not writable: blob uploads end in a 500, as when the filesystem refuses writes. */
  readOnlyStorage?: boolean;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
const registryError = (status: number, code: string, message: string, headers = {}) =>
  json(status, { errors: [{ code, message }] }, headers);
const digestOf = (content: string) => `sha256:${createHash("sha256").update(content).digest("hex")}`;

/**
 * An in-memory registry speaking enough of the distribution API for the checks: Basic auth,
 * blob uploads (POST then PUT with the digest), manifests by tag, catalog and tag lists.
 */
export function fakeRegistry(opts: FakeRegistryOptions) {
  const blobs = new Map<string, string>();
  const manifests = new Map<string, { body: string; digest: string }>();
  const basic = `Basic ${Buffer.from(`${opts.user}:${opts.password}`).toString("base64")}`;
  let uploads = 0;

  const route = (method: string, path: string, req: HttpRequest, query: URLSearchParams): HttpResponse => {
    if (path === "/v2/") return json(200, {});
    if (path === "/v2/_catalog") {
      return json(200, { repositories: [...new Set([...manifests.keys()].map((k) => k.split(":")[0]))] });
    }
    const tags = path.match(/^\/v2\/(.+)\/tags\/list$/);
    if (tags) {
      const list = [...manifests.keys()]
        .filter((k) => k.startsWith(`${tags[1]}:`))
        .map((k) => k.split(":")[1]);
      return list.length
        ? json(200, { name: tags[1], tags: list })
        : registryError(404, "NAME_UNKNOWN", "repository name not known to registry");
    }
    const upload = path.match(/^\/v2\/(.+)\/blobs\/uploads\/([^/]*)$/);
    if (upload && method === "POST") {
      uploads++;
      return {
        status: 202,
        headers: { location: `${opts.url}/v2/${upload[1]}/blobs/uploads/u${uploads}?_state=s` },
        body: "",
      };
    }
    if (upload && method === "DELETE") return { status: 204, headers: {}, body: "" };
    if (upload && method === "PUT") {
      if (opts.readOnlyStorage) return registryError(500, "UNKNOWN", "unknown error");
      const digest = query.get("digest") ?? "";
      const body = req.body ?? "";
      if (digestOf(body) !== digest)
        return registryError(400, "DIGEST_INVALID", "provided digest did not match uploaded content");
      blobs.set(digest, body);
      return { status: 201, headers: { "docker-content-digest": digest }, body: "" };
    }
    const blob = path.match(/^\/v2\/(.+)\/blobs\/(sha256:[0-9a-f]{64})$/);
    if (blob) {
      const content = blobs.get(blob[2] ?? "");
      if (content === undefined) return registryError(404, "BLOB_UNKNOWN", "blob unknown to registry");
      return {
        status: 200,
        headers: { "docker-content-digest": blob[2] ?? "" },
        body: method === "HEAD" ? "" : content,
      };
    }
    const manifest = path.match(/^\/v2\/(.+)\/manifests\/([^/]+)$/);
    if (manifest && method === "PUT") {
      const body = req.body ?? "";
      const parsed = JSON.parse(body) as { config: { digest: string }; layers: { digest: string }[] };
      const missing = [parsed.config, ...parsed.layers].find((d) => !blobs.has(d.digest));
      if (missing) return registryError(400, "MANIFEST_BLOB_UNKNOWN", "blob unknown to registry");
      const digest = digestOf(body);
      manifests.set(`${manifest[1]}:${manifest[2]}`, { body, digest });
      return { status: 201, headers: { "docker-content-digest": digest }, body: "" };
    }
    if (manifest) {
      const found = manifests.get(`${manifest[1]}:${manifest[2]}`);
      if (!found) return registryError(404, "MANIFEST_UNKNOWN", "manifest unknown");
      return { status: 200, headers: { "docker-content-digest": found.digest }, body: found.body };
    }
    return registryError(404, "UNSUPPORTED", "not found");
  };

  const handler = (url: string, req: HttpRequest = {}): HttpResponse => {
    const parsed = new URL(url);
    if (!opts.authOff && req.headers?.authorization !== basic) {
      return registryError(401, "UNAUTHORIZED", "authentication required", {
        "www-authenticate": 'Basic realm="labctl registry"',
      });
    }
    return route(req.method ?? "GET", parsed.pathname, req, parsed.searchParams);
  };
  return { handler, blobs, manifests };
}
