import { networkError } from "@labctl/testing";
import { labappHttp, OUTPUTS, runCheck } from "../test-support/tp04-fixture";
import { appHttp } from "./app-http";

const respond = (status: number, body = "") => ({ status, headers: {}, body });

describe("app-http", () => {
  it("passes when labapp greets the student and guards /private with the token", async () => {
    expect(await runCheck(appHttp)).toEqual({
      status: "pass",
      message:
        'labapp answers "Bonjour Alice" on http://127.0.0.1:18240, and /private wants the run-time token',
    });
  });

  it("fails when nothing answers, naming the cause", async () => {
    const refused = () => {
      throw networkError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:18240");
    };
    expect(await runCheck(appHttp, { http: refused })).toEqual({
      status: "fail",
      message: "labapp does not answer on http://127.0.0.1:18240: connect ECONNREFUSED 127.0.0.1:18240",
    });
  });

  it("fails when another service answers on the port", async () => {
    expect(await runCheck(appHttp, { http: () => respond(200, "Welcome to nginx!") })).toEqual({
      status: "fail",
      message: `GET ${OUTPUTS.appUrl}/ answered without "Bonjour Alice": is this the lab's container?`,
    });
  });

  it("fails when /private is open, or the container did not get the token", async () => {
    const open = (url: string) => (url.endsWith("/private") ? respond(200) : labappHttp(url));
    expect(await runCheck(appHttp, { http: open })).toEqual({
      status: "fail",
      message: "GET /private without a token answered HTTP 200, not 401",
    });
    const noToken = (url: string, req?: { headers?: Record<string, string> }) =>
      url.endsWith("/private") && req?.headers?.authorization ? respond(503) : labappHttp(url, req);
    expect(await runCheck(appHttp, { http: noToken })).toEqual({
      status: "fail",
      message: "labapp has no APP_TOKEN: the container was started without it",
    });
    const otherToken = (url: string, req?: { headers?: Record<string, string> }) =>
      labappHttp(url, { headers: { authorization: req?.headers?.authorization ? "Bearer other" : "" } });
    expect(await runCheck(appHttp, { http: otherToken })).toEqual({
      status: "fail",
      message: "GET /private with the generated token answered HTTP 401: APP_TOKEN differs",
    });
  });
});
