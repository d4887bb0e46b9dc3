import type { HttpProbe } from "@labctl/sdk";

/** Plain HTTP with fetch; errors carry the underlying cause's code (ECONNREFUSED, ...). */
export const fetchHttpProbe: HttpProbe = {
  async request(url, req = {}) {
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
