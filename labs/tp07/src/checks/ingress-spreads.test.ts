import type { HttpResponse } from "@labctl/sdk";
import { networkError } from "@labctl/testing";
import { ingress, OUTPUTS, runCheck, webService, webTask } from "../test-support/checks-fixture";
import { ingressSpreads } from "./ingress-spreads";

const web = webService();
const three = [1, 2, 3].map((slot) => webTask(web, slot));

describe("ingress-spreads", () => {
  it("passes when 20 answers for the student's host come from several tasks, and sends that Host", async () => {
    const hosts = new Set<string | undefined>();
    const http = ingress(() => three);
    const result = await runCheck(ingressSpreads, {
      http: (url, req) => {
        hosts.add(req?.headers?.host);
        return http(url, req);
      },
    });
    expect(result).toEqual({
      status: "pass",
      message:
        "20 answers for alice.tp07.localhost came from 3 tasks: c0ffee000001 ×7, c0ffee000002 ×7, c0ffee000003 ×6",
    });
    expect([...hosts]).toEqual([OUTPUTS.host]);
  });

  it("fails when one task answers everything (no spreading)", async () => {
    expect(await runCheck(ingressSpreads, { http: ingress(() => three.slice(0, 1)) })).toEqual({
      status: "fail",
      message:
        "all 20 answers for alice.tp07.localhost came from one task (c0ffee000001): the requests are not spread over web's tasks",
    });
  });

  it("fails with the first answer when the ingress does not route the host to web", async () => {
    const notFound = (): HttpResponse => ({ status: 404, headers: {}, body: "<h1>404 Not Found</h1>" });
    expect((await runCheck(ingressSpreads, { http: notFound })).message).toBe(
      "the ingress at http://127.0.0.1:47700/ answers HTTP 404 for Host alice.tp07.localhost",
    );
    const other = (): HttpResponse => ({ status: 200, headers: {}, body: "Welcome to nginx!" });
    expect((await runCheck(ingressSpreads, { http: other })).message).toBe(
      'the ingress at http://127.0.0.1:47700/ answers an answer not from web: "Welcome to nginx!" for Host alice.tp07.localhost',
    );
    const refused = () => {
      throw networkError("ECONNREFUSED", "GET http://127.0.0.1:47700/: ECONNREFUSED");
    };
    expect((await runCheck(ingressSpreads, { http: refused })).message).toBe(
      "the ingress does not answer at http://127.0.0.1:47700/: GET http://127.0.0.1:47700/: ECONNREFUSED",
    );
  });

  it("fails counting the requests that failed after a first good answer", async () => {
    const good = ingress(() => three);
    let n = 0;
    const flaky = (url: string, req?: Parameters<typeof good>[1]) =>
      ++n % 5 === 0 ? { status: 502, headers: {}, body: "Bad Gateway" } : good(url, req);
    expect((await runCheck(ingressSpreads, { http: flaky })).message).toBe(
      "4 of 20 requests for alice.tp07.localhost failed (HTTP 502 ×4); the others came from c0ffee000001 ×6, c0ffee000002 ×5, c0ffee000003 ×5",
    );
  });
});
