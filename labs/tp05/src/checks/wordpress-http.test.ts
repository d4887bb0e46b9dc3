import { networkError } from "@labctl/testing";
import { DB_ERROR_PAGE, freshWordPress, html, runCheck } from "../test-support/tp05-fixture";
import { wordpressHttp } from "./wordpress-http";

describe("wordpress-http", () => {
  it("passes on the installation page, following WordPress's redirect", async () => {
    const seen: string[] = [];
    const http = (url: string) => {
      seen.push(url);
      return freshWordPress(url);
    };
    expect(await runCheck(wordpressHttp, { http })).toEqual({
      status: "pass",
      message: "WordPress serves its installation page on http://127.0.0.1:18250 (/wp-admin/install.php)",
    });
    expect(seen).toEqual(["http://127.0.0.1:18250", "http://127.0.0.1:18250/wp-admin/install.php"]);
  });

  it("passes on an installed site", async () => {
    const site = () => html(200, '<head><meta name="generator" content="WordPress 6.6.2" /></head>');
    expect((await runCheck(wordpressHttp, { http: site })).message).toBe(
      "WordPress serves the installed site on http://127.0.0.1:18250",
    );
  });

  it("fails on the database error page, quoting it", async () => {
    expect(await runCheck(wordpressHttp, { http: () => html(500, DB_ERROR_PAGE) })).toEqual({
      status: "fail",
      message:
        'WordPress answers HTTP 500 on http://127.0.0.1:18250: "Error establishing a database connection"',
    });
  });

  it("fails on another page, another status, or a redirect elsewhere", async () => {
    const apache = () => html(200, "<h1>It works!</h1>");
    expect((await runCheck(wordpressHttp, { http: apache })).message).toBe(
      "http://127.0.0.1:18250 answers 200, but not with a WordPress page",
    );
    expect((await runCheck(wordpressHttp, { http: () => html(403, "") })).message).toBe(
      "WordPress answers HTTP 403 on http://127.0.0.1:18250",
    );
    const away = () => html(301, "", { location: "http://localhost:8080/" });
    expect((await runCheck(wordpressHttp, { http: away })).message).toBe(
      "WordPress redirects http://127.0.0.1:18250 to http://localhost:8080/: its site URL is another address",
    );
  });

  it("fails naming the network error when nothing answers", async () => {
    const refused = () => {
      throw networkError("ECONNREFUSED", "GET http://127.0.0.1:18250: ECONNREFUSED");
    };
    expect((await runCheck(wordpressHttp, { http: refused })).message).toBe(
      "WordPress does not answer on http://127.0.0.1:18250: GET http://127.0.0.1:18250: ECONNREFUSED",
    );
  });
});
