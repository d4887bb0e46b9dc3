import { networkError } from "@labctl/testing";
import { ingress, runCheck, webService, webTask } from "../test-support/checks-fixture";
import { UNKNOWN_HOST, unknownHost404 } from "./unknown-host-404";

const web = webService();
const three = [1, 2, 3].map((slot) => webTask(web, slot));

describe("unknown-host-404", () => {
  it("passes when the proxy answers 404 for a host it does not serve", async () => {
    expect(UNKNOWN_HOST).toBe("labctl-nobody.tp07.localhost");
    expect(await runCheck(unknownHost404)).toEqual({
      status: "pass",
      message: "the ingress answers 404 for Host labctl-nobody.tp07.localhost, without reaching web",
    });
  });

  it("fails when any host reaches web (a catch-all host rule)", async () => {
    const everything = ingress(() => three);
    const catchAll = (url: string) => everything(url, { headers: { host: "alice.tp07.localhost" } });
    expect(await runCheck(unknownHost404, { http: catchAll })).toEqual({
      status: "fail",
      message:
        "the ingress sends Host labctl-nobody.tp07.localhost to web (HTTP 200, served by c0ffee000001): only alice.tp07.localhost should reach it",
    });
  });

  it("fails on another status, or no answer at all", async () => {
    const teapot = () => ({ status: 200, headers: {}, body: "Welcome to nginx!" });
    expect((await runCheck(unknownHost404, { http: teapot })).message).toBe(
      'the ingress answers HTTP 200 for Host labctl-nobody.tp07.localhost, not 404: "Welcome to nginx!"',
    );
    const reset = () => {
      throw networkError("ECONNRESET", "GET http://127.0.0.1:47700/: ECONNRESET");
    };
    expect((await runCheck(unknownHost404, { http: reset })).status).toBe("fail");
  });
});
