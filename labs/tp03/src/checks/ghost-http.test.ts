import { networkError } from "@labctl/testing";
import { runCheck } from "../test-support/tp03-fixture";
import { ghostHttp } from "./ghost-http";

describe("ghost-http", () => {
  it("passes on a 200 from the Ghost URL", async () => {
    const seen: string[] = [];
    const http = (url: string) => {
      seen.push(url);
      return { status: 200, headers: {}, body: "" };
    };
    expect(await runCheck(ghostHttp, { http })).toEqual({
      status: "pass",
      message: "Ghost answers 200 on http://127.0.0.1:18230",
    });
    expect(seen).toEqual(["http://127.0.0.1:18230"]);
  });

  it("fails naming the status, and the redirect target for a wrong url setting", async () => {
    const http = () => ({ status: 503, headers: {}, body: "" });
    expect(await runCheck(ghostHttp, { http })).toEqual({
      status: "fail",
      message: "Ghost answers HTTP 503 on http://127.0.0.1:18230",
    });
    const redirect = () => ({ status: 301, headers: { location: "http://localhost:2368/" }, body: "" });
    expect((await runCheck(ghostHttp, { http: redirect })).message).toBe(
      "Ghost answers HTTP 301 on http://127.0.0.1:18230: Ghost redirects to http://localhost:2368/, check its url setting",
    );
  });

  it("fails naming the network error code when nothing answers", async () => {
    const refused = () => {
      throw networkError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:18230");
    };
    expect(await runCheck(ghostHttp, { http: refused })).toEqual({
      status: "fail",
      message: "Ghost does not answer on http://127.0.0.1:18230: connect ECONNREFUSED 127.0.0.1:18230",
    });
    const timeout = () => {
      throw networkError("ETIMEDOUT", "no answer within 5000 ms");
    };
    expect((await runCheck(ghostHttp, { http: timeout })).message).toBe(
      "Ghost does not answer on http://127.0.0.1:18230: ETIMEDOUT (no answer within 5000 ms)",
    );
  });
});
