import type { HttpProbe } from "@labctl/sdk";
import { hostHeader, hostHeaderRequest } from "./host-header-request";

/**
 * Plain HTTP with fetch; errors carry the underlying cause's code (ECONNREFUSED, ...). A request
 * naming its Host goes through node:http, which sends it (fetch would not).
 */
export const fetchHttpProbe: HttpProbe = {
  async request(url, req = {}) {
    if (hostHeader(req) !== undefined) return hostHeaderRequest(url, req);
    try {
      const res = await fetch(url, {
        method: req.method ?? "GET",
        headers: req.headers,
        body: req.body,
        redirect: "manual",
        signal: AbortSignal.timeout(req.timeoutMs ?? 5_000),
      });
      return {
        status: res.status,
        headers: Object.fromEntries(res.headers.entries()),
        body: await res.text(),
      };
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (e as Error).name;
      throw new Error(`${req.method ?? "GET"} ${url}: ${reason}`, { cause: e });
    }
  },
};
