import { networkError } from "@labctl/testing";
import { checkImage } from "../registry/check-image";
import { aliceRegistry, runCheck } from "../test-support/tp06-fixture";
import { httpRoundTrip } from "./http-round-trip";

const { manifest, layer } = checkImage("alice");

describe("http-round-trip", () => {
  it("passes when the image goes in and comes back identical", async () => {
    const registry = aliceRegistry();
    expect(await runCheck(httpRoundTrip, { http: registry.handler })).toEqual({
      status: "pass",
      message: `pushed and pulled back labctl-check/hello:v1 over the registry API (manifest ${manifest.digest})`,
    });
    expect(registry.manifests.has("labctl-check/hello:v1")).toBe(true);
  });

  it("fails naming the step the registry refused", async () => {
    expect(await runCheck(httpRoundTrip, { http: aliceRegistry({ readOnlyStorage: true }).handler })).toEqual(
      {
        status: "fail",
        message: `round trip of labctl-check/hello:v1 failed: uploading the layer ${layer.digest} answered HTTP 500 (UNKNOWN: unknown error)`,
      },
    );
  });

  it("fails naming the network error when the registry is gone", async () => {
    const http = () => {
      throw networkError("ECONNREFUSED", "HEAD http://127.0.0.1:18306/v2/x: ECONNREFUSED");
    };
    expect((await runCheck(httpRoundTrip, { http })).message).toBe(
      "the registry does not answer on http://127.0.0.1:18306: HEAD http://127.0.0.1:18306/v2/x: ECONNREFUSED",
    );
  });
});
