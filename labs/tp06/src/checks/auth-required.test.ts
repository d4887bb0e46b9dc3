import { networkError } from "@labctl/testing";
import { aliceRegistry, runCheck } from "../test-support/tp06-fixture";
import { authRequired } from "./auth-required";

describe("auth-required", () => {
  it("passes on a 401 with a Basic challenge", async () => {
    expect(await runCheck(authRequired)).toEqual({
      status: "pass",
      message:
        'the registry answers 401 to anonymous requests on http://127.0.0.1:18306/v2/ (Basic realm="labctl registry")',
    });
  });

  it("fails when anonymous requests are served", async () => {
    expect(await runCheck(authRequired, { http: aliceRegistry({ authOff: true }).handler })).toEqual({
      status: "fail",
      message:
        "the registry answers 200 to anonymous requests on http://127.0.0.1:18306/v2/: authentication is off",
    });
  });

  it("fails on a 401 without a Basic challenge, or another status", async () => {
    const bearer = () => ({ status: 401, headers: { "www-authenticate": 'Bearer realm="x"' }, body: "" });
    expect((await runCheck(authRequired, { http: bearer })).message).toBe(
      'the registry answers 401 on http://127.0.0.1:18306/v2/ but asks for "Bearer realm="x"", not Basic auth',
    );
    const broken = () => ({ status: 503, headers: {}, body: "" });
    expect((await runCheck(authRequired, { http: broken })).message).toBe(
      "the registry answers HTTP 503 on http://127.0.0.1:18306/v2/, not 401",
    );
  });

  it("fails naming the network error when nothing answers", async () => {
    const refused = () => {
      throw networkError("ECONNREFUSED", "GET http://127.0.0.1:18306/v2/: ECONNREFUSED");
    };
    expect(await runCheck(authRequired, { http: refused })).toEqual({
      status: "fail",
      message:
        "the registry does not answer on http://127.0.0.1:18306/v2/: GET http://127.0.0.1:18306/v2/: ECONNREFUSED",
    });
  });
});
