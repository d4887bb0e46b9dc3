import * as http from "node:http";
import type { HttpRequest, HttpResponse } from "@labctl/sdk";

const MAX_BODY = 1024 * 1024;

/** The Host header a request asks for, whatever its case. */
export const hostHeader = (req: HttpRequest): string | undefined =>
  Object.entries(req.headers ?? {}).find(([key]) => key.toLowerCase() === "host")?.[1];

/**
 * One plain-HTTP request with node:http, for a request naming its own Host (a proxy routing by
 * host name): fetch drops a Host header (undici treats it as forbidden). Like the fetch probe:
 * redirects are answers, a network failure throws naming its code, the timeout bounds it all.
 */
export function hostHeaderRequest(url: string, req: HttpRequest): Promise<HttpResponse> {
  const method = req.method ?? "GET";
  return new Promise((resolve, reject) => {
    const failed = (e: Error) => {
      const code = (e as { code?: string }).code ?? e.name;
      reject(new Error(`${method} ${url}: ${code}`, { cause: e }));
    };
    const request = http.request(
      url,
      // A connection per request: a kept-alive one the server has just closed would fail the next
      // request (ECONNRESET) with no fault of the server's, a false failure for checks that count them.
      { method, headers: req.headers, agent: false, signal: AbortSignal.timeout(req.timeoutMs ?? 5_000) },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (body.length < MAX_BODY) body += chunk;
        });
        res.on("error", failed);
        res.on("end", () => {
          const headers: Record<string, string> = {};
          for (const [key, value] of Object.entries(res.headers)) {
            if (value !== undefined) headers[key] = [value].flat().join(", ");
          }
          resolve({ status: res.statusCode ?? 0, headers, body });
        });
      },
    );
    request.on("error", failed);
    request.end(req.body);
  });
}
