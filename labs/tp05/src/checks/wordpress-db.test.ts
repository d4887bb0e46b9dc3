import { DB_ERROR_PAGE, html, runCheck } from "../test-support/tp05-fixture";
import { wordpressDb } from "./wordpress-db";

describe("wordpress-db", () => {
  it("passes when install.php answers 200 without a database error", async () => {
    expect(await runCheck(wordpressDb)).toEqual({
      status: "pass",
      message:
        "WordPress connects to database wordpress (http://127.0.0.1:18250/wp-admin/install.php answers 200 with no database error)",
    });
    const installed = () => html(200, "<h1>Already Installed</h1>");
    expect((await runCheck(wordpressDb, { http: installed })).status).toBe("pass");
  });

  it("fails quoting WordPress's database error", async () => {
    expect(await runCheck(wordpressDb, { http: () => html(500, DB_ERROR_PAGE) })).toEqual({
      status: "fail",
      message:
        'WordPress cannot use its database: "Error establishing a database connection" on http://127.0.0.1:18250/wp-admin/install.php (compare WORDPRESS_DB_* with the MYSQL_* of tp05-alice-mariadb)',
    });
    const noDb = () => html(500, "<h1>Cannot select database</h1>");
    expect((await runCheck(wordpressDb, { http: noDb })).message).toContain('"Cannot select database"');
  });

  it("fails naming another status and its headline", async () => {
    const crash = () =>
      html(500, "<title>Fatal</title><h1>There has been a critical error on this website.</h1>");
    expect((await runCheck(wordpressDb, { http: crash })).message).toBe(
      'http://127.0.0.1:18250/wp-admin/install.php answers HTTP 500: "There has been a critical error on this website."',
    );
  });
});
