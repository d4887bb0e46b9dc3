import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { fetchHttpProbe } from "./fetch-http-probe";

/** A server routing by Host, like the tp07 ingress: it echoes the Host it got. */
async function server(handler: http.RequestListener = (req, res) => res.end(`host=${req.headers.host}`)) {
  const s = http.createServer(handler);
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const close = () => {
    s.close();
    s.closeAllConnections();
  };
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/`, close };
}

describe("the HTTP probe and a Host header", () => {
  it("sends the Host it is given (fetch alone would send the URL's)", async () => {
    const s = await server();
    try {
      const named = await fetchHttpProbe.request(s.url, { headers: { Host: "alice.tp07.localhost" } });
      expect(named).toMatchObject({ status: 200, body: "host=alice.tp07.localhost" });
      expect(named.headers["content-length"]).toBe("25");
      const plain = await fetchHttpProbe.request(s.url);
      expect(plain.body).toBe(`host=${new URL(s.url).host}`);
    } finally {
      s.close();
    }
  });

  it("keeps redirects as answers, and names the failure's code", async () => {
    const s = await server((_req, res) => {
      res.writeHead(302, { location: "/elsewhere" });
      res.end();
    });
    try {
      const res = await fetchHttpProbe.request(s.url, { headers: { host: "a.localhost" } });
      expect(res).toMatchObject({ status: 302, headers: { location: "/elsewhere" } });
    } finally {
      s.close();
    }
    await expect(fetchHttpProbe.request(s.url, { headers: { host: "a.localhost" } })).rejects.toThrow(
      `GET ${s.url}: ECONNREFUSED`,
    );
  });

  it("is bounded by the request's timeout", async () => {
    const s = await server(() => undefined); // never answers
    try {
      const started = Date.now();
      await expect(
        fetchHttpProbe.request(s.url, { headers: { host: "a.localhost" }, timeoutMs: 200 }),
      ).rejects.toThrow(`GET ${s.url}: ABORT_ERR`);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      s.close();
    }
  });
});
