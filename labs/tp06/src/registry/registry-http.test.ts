import type { HttpRequest } from "@labctl/sdk";
import { describeAnswer, expectStatus, RegistryStepError, registryRequest } from "./registry-http";

describe("registry HTTP helpers", () => {
  it("sends Basic credentials only when the target has some, and resolves given URLs", async () => {
    const seen: [string, HttpRequest | undefined][] = [];
    const http = {
      request: async (url: string, req?: HttpRequest) => {
        seen.push([url, req]);
        return { status: 200, headers: {}, body: "{}" };
      },
    };
    await registryRequest(
      http,
      { url: "http://127.0.0.1:5000", auth: { username: "a", password: "b" } },
      "/v2/",
    );
    await registryRequest(
      http,
      { url: "http://127.0.0.1:5000" },
      "http://127.0.0.1:5000/v2/x/blobs/uploads/1?_state=s",
    );
    expect(seen[0]?.[0]).toBe("http://127.0.0.1:5000/v2/");
    expect(seen[0]?.[1]?.headers).toEqual({
      authorization: `Basic ${Buffer.from("a:b").toString("base64")}`,
    });
    expect(seen[1]?.[0]).toBe("http://127.0.0.1:5000/v2/x/blobs/uploads/1?_state=s");
    expect(seen[1]?.[1]?.headers).toEqual({});
  });

  it("describes an answer with the registry's own error when there is one", () => {
    const body = JSON.stringify({ errors: [{ code: "UNAUTHORIZED", message: "authentication required" }] });
    expect(describeAnswer({ status: 401, headers: {}, body })).toBe(
      "HTTP 401 (UNAUTHORIZED: authentication required)",
    );
    expect(describeAnswer({ status: 502, headers: {}, body: "<html>bad gateway</html>" })).toBe("HTTP 502");
  });

  it("turns an unexpected status into a step error naming the step", async () => {
    const answer = { status: 404, headers: {}, body: "" };
    await expect(expectStatus("getting x", 200, async () => answer)).rejects.toThrow(
      new RegistryStepError("getting x answered HTTP 404"),
    );
    await expect(expectStatus("getting x", 404, async () => answer)).resolves.toBe(answer);
  });
});
