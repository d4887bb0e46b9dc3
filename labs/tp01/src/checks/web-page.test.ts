import { networkError } from "@labctl/testing";
import { studentPage } from "../student-page";
import { alicePage, OUTPUTS, runCheck } from "../test-support/tp01-fixture";
import { webPage } from "./web-page";

const serve =
  (body: string, status = 200) =>
  () => ({ status, headers: {}, body });

describe("web-page", () => {
  it("passes on a 200 carrying the student's marker, from the student's URL", async () => {
    const seen: string[] = [];
    const http = (url: string) => {
      seen.push(url);
      return { status: 200, headers: {}, body: alicePage };
    };
    expect(await runCheck(webPage, { http })).toEqual({
      status: "pass",
      message: "http://127.0.0.1:18100/ serves alice's page",
    });
    expect(seen).toEqual([OUTPUTS.webUrl]);
  });

  it("fails on another status, nginx's default page or another student's page", async () => {
    expect(await runCheck(webPage, { http: serve("Not Found", 404) })).toEqual({
      status: "fail",
      message: "http://127.0.0.1:18100/ answers HTTP 404",
    });
    const nginx = "<html><head><title>Welcome to nginx!</title></head><body></body></html>";
    expect((await runCheck(webPage, { http: serve(nginx) })).message).toBe(
      "http://127.0.0.1:18100/ serves nginx's default page, not alice's page: index.html was replaced",
    );
    const bob = studentPage("tp01", { id: "bob", name: "Bob" }, "tp01-bob-web");
    expect(await runCheck(webPage, { http: serve(bob) })).toEqual({
      status: "fail",
      message: 'http://127.0.0.1:18100/ serves the page of student "bob", not alice\'s',
    });
    expect((await runCheck(webPage, { http: serve("<h1>hi</h1>") })).message).toBe(
      `http://127.0.0.1:18100/ answers 200 but the page lacks alice's marker (data-labctl-student="alice")`,
    );
  });

  it("fails naming the network error when nothing answers", async () => {
    const refused = () => {
      throw networkError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:18100");
    };
    expect(await runCheck(webPage, { http: refused })).toEqual({
      status: "fail",
      message: "nothing answers on http://127.0.0.1:18100/: connect ECONNREFUSED 127.0.0.1:18100",
    });
  });
});
