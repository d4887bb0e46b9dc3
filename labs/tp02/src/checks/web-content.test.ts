import { networkError } from "@labctl/testing";
import { OUTPUTS, runCheck } from "../test-support/tp02-fixture";
import { webContent } from "./web-content";

const serve =
  (body: string, status = 200) =>
  () => ({ status, headers: {}, body });

describe("web-content", () => {
  it("passes when the page labctl wrote is served", async () => {
    expect(await runCheck(webContent)).toEqual({
      status: "pass",
      message: `http://127.0.0.1:18200/ serves the index.html from ${OUTPUTS.webRoot}`,
    });
  });

  it("fails on another status, nginx's default page or another page", async () => {
    expect((await runCheck(webContent, { http: serve("Forbidden", 403) })).message).toBe(
      "http://127.0.0.1:18200/ answers HTTP 403",
    );
    const nginx = "<title>Welcome to nginx!</title>";
    expect(await runCheck(webContent, { http: serve(nginx) })).toEqual({
      status: "fail",
      message: `http://127.0.0.1:18200/ serves nginx's default page, not the index.html from ${OUTPUTS.webRoot}`,
    });
    expect((await runCheck(webContent, { http: serve("<h1>mine</h1>") })).message).toBe(
      `http://127.0.0.1:18200/ answers 200 but not with the page labctl wrote in ${OUTPUTS.webRoot} (no data-labctl-student="alice")`,
    );
  });

  it("fails naming the network error when nothing answers", async () => {
    const refused = () => {
      throw networkError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:18200");
    };
    expect((await runCheck(webContent, { http: refused })).message).toBe(
      "nothing answers on http://127.0.0.1:18200/: connect ECONNREFUSED 127.0.0.1:18200",
    );
  });
});
