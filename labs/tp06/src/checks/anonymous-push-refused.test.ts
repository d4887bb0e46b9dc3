import type { HttpRequest } from "@labctl/sdk";
import { aliceRegistry, runCheck } from "../test-support/tp06-fixture";
import { anonymousPushRefused } from "./anonymous-push-refused";

describe("anonymous-push-refused", () => {
  it("passes when opening an upload without credentials answers 401", async () => {
    expect(await runCheck(anonymousPushRefused)).toEqual({
      status: "pass",
      message: "an anonymous upload to labctl-check/hello is refused (HTTP 401)",
    });
  });

  it("fails when anyone can open an upload, and closes the session it opened", async () => {
    const registry = aliceRegistry({ authOff: true });
    const methods: string[] = [];
    const http = (url: string, req?: HttpRequest) => {
      methods.push(`${req?.method ?? "GET"} ${new URL(url).pathname}`);
      return registry.handler(url, req);
    };
    expect(await runCheck(anonymousPushRefused, { http })).toEqual({
      status: "fail",
      message: "an anonymous upload to labctl-check/hello answers HTTP 202, not 401: anyone can push",
    });
    expect(methods).toEqual([
      "POST /v2/labctl-check/hello/blobs/uploads/",
      "DELETE /v2/labctl-check/hello/blobs/uploads/u1",
    ]);
  });
});
