import { fakeRegistry } from "../test-support/fake-registry";
import { OUTPUTS, runCheck } from "../test-support/tp06-fixture";
import { login } from "./login";

describe("login", () => {
  it("passes when the generated credentials open /v2/", async () => {
    expect(await runCheck(login)).toEqual({
      status: "pass",
      message: "user alice logs in to http://127.0.0.1:18306 (GET /v2/ answers 200)",
    });
  });

  it("fails when the htpasswd file holds other credentials", async () => {
    const other = fakeRegistry({ url: OUTPUTS.registryUrl, user: "alice", password: "an-older-one" });
    expect(await runCheck(login, { http: other.handler })).toEqual({
      status: "fail",
      message:
        "the registry refuses user alice's password on http://127.0.0.1:18306 (HTTP 401 (UNAUTHORIZED: authentication required)): the htpasswd file does not hold these credentials",
    });
  });

  it("fails naming any other answer", async () => {
    const http = () => ({ status: 500, headers: {}, body: "" });
    expect((await runCheck(login, { http })).message).toBe(
      "GET http://127.0.0.1:18306/v2/ as alice answers HTTP 500",
    );
  });
});
