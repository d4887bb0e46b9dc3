import type { HttpProbe, HttpRequest, HttpResponse } from "@labctl/sdk";

export interface Credentials {
  username: string;
  password: string;
}

/** A registry's base URL (`http://host:port`) and the credentials to use, if any. */
export interface RegistryTarget {
  url: string;
  auth?: Credentials;
}

/** A step of a registry conversation that did not get the answer it needed. */
export class RegistryStepError extends Error {}

/** One request to the registry's HTTP API (`path` from `/v2/...`, or an absolute URL it gave). */
export function registryRequest(
  http: HttpProbe,
  target: RegistryTarget,
  path: string,
  req: HttpRequest = {},
): Promise<HttpResponse> {
  const headers = { ...req.headers };
  if (target.auth) {
    const token = Buffer.from(`${target.auth.username}:${target.auth.password}`).toString("base64");
    headers.authorization = `Basic ${token}`;
  }
  return http.request(new URL(path, target.url).toString(), { timeoutMs: 10_000, ...req, headers });
}

/** "HTTP 401 (UNAUTHORIZED: authentication required)": the status and the registry's own error. */
export function describeAnswer(res: HttpResponse): string {
  const first = registryErrors(res.body)[0];
  return first ? `HTTP ${res.status} (${first})` : `HTTP ${res.status}`;
}

function registryErrors(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as { errors?: { code?: string; message?: string }[] };
    return (parsed.errors ?? []).map((e) => [e.code, e.message].filter(Boolean).join(": "));
  } catch {
    return [];
  }
}

/** Sends a request and insists on one status; anything else is a RegistryStepError naming `step`. */
export async function expectStatus(
  step: string,
  expected: number,
  send: () => Promise<HttpResponse>,
): Promise<HttpResponse> {
  const res = await send();
  if (res.status !== expected) throw new RegistryStepError(`${step} answered ${describeAnswer(res)}`);
  return res;
}
