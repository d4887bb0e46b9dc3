import type { ExecResult, HttpRequest } from "@labctl/sdk";
import { DB_ERROR_PAGE, freshWordPress, html, OUTPUTS, runCheck } from "../test-support/tp05-fixture";
import { siteTitle, wordpressInstall } from "./wordpress-install";

/** WordPress and its database in memory: the POST to install.php?step=2 stores the title. */
function wordpress(opts: { blogname?: string; refuse?: string; writesElsewhere?: boolean } = {}) {
  let blogname = opts.blogname;
  const posts: URLSearchParams[] = [];
  const http = (url: string, req?: HttpRequest) => {
    const { pathname, search } = new URL(url);
    if (pathname !== "/wp-admin/install.php") return freshWordPress(url);
    if (req?.method === "POST" && search === "?step=2") {
      const form = new URLSearchParams(req.body);
      posts.push(form);
      if (opts.refuse) return html(200, `<h1>Information needed</h1><p class="message">${opts.refuse}</p>`);
      blogname = opts.writesElsewhere ? "Another blog" : (form.get("weblog_title") ?? "");
      return html(200, "<h1>Success!</h1><p>WordPress has been installed. Thank you, and enjoy!</p>");
    }
    return blogname === undefined ? freshWordPress(url) : html(200, "<h1>Already Installed</h1>");
  };
  const exec = (container: string, cmd: string[], o?: { env?: string[] }): ExecResult => {
    const authed =
      container === OUTPUTS.mariadbContainer &&
      cmd[0] === "mariadb" &&
      o?.env?.includes(`MYSQL_PWD=${OUTPUTS.dbPassword}`);
    if (!authed)
      return {
        exitCode: 1,
        stdout: "",
        stderr: "ERROR 1045 (28000): Access denied for user 'wordpress'@'localhost'\n",
      };
    return { exitCode: 0, stdout: blogname === undefined ? "" : `${blogname}\n`, stderr: "" };
  };
  return { http, exec, posts };
}

describe("wordpress-install (deep)", () => {
  it("is deep and runs once: it changes the site", () => {
    expect(wordpressInstall).toMatchObject({ deep: true, once: true, needs: ["wordpress-db"] });
  });

  it("completes the installation and finds the title in the database", async () => {
    const wp = wordpress();
    expect(await runCheck(wordpressInstall, { http: wp.http, exec: wp.exec })).toEqual({
      status: "pass",
      message:
        'installed WordPress over HTTP as alice; database wordpress holds its title "labctl blog of alice"',
    });
    expect(Object.fromEntries(wp.posts[0] ?? [])).toEqual({
      weblog_title: siteTitle("alice"),
      user_name: "alice",
      admin_password: OUTPUTS.adminPassword,
      admin_password2: OUTPUTS.adminPassword,
      admin_email: "alice@example.com",
      blog_public: "0",
      language: "",
    });
  });

  it("passes on an installed site without installing again, reporting its title", async () => {
    const wp = wordpress({ blogname: "My course blog" });
    expect((await runCheck(wordpressInstall, { http: wp.http, exec: wp.exec })).message).toBe(
      'WordPress was already installed; database wordpress holds its title "My course blog"',
    );
    expect(wp.posts).toEqual([]);
  });

  it("fails quoting WordPress when it refuses the form", async () => {
    const wp = wordpress({ refuse: "Please provide a valid username." });
    expect(await runCheck(wordpressInstall, { http: wp.http, exec: wp.exec })).toEqual({
      status: "fail",
      message: 'completing the installation answered HTTP 200: "Please provide a valid username."',
    });
  });

  it("fails when the title is not in the database WordPress should use", async () => {
    const elsewhere = wordpress({ writesElsewhere: true });
    expect((await runCheck(wordpressInstall, { http: elsewhere.http, exec: elsewhere.exec })).message).toBe(
      'WordPress accepted the installation, but blogname in wordpress is "Another blog", not "labctl blog of alice"',
    );
    const missing = wordpress({ blogname: "x" });
    const exec = () => ({ exitCode: 0, stdout: "", stderr: "" });
    expect((await runCheck(wordpressInstall, { http: missing.http, exec })).message).toBe(
      "no blogname in wordpress.wp_options: WordPress keeps its settings somewhere else",
    );
  });

  it("fails with the client's error when the database refuses the credentials", async () => {
    const wp = wordpress({ blogname: "x" });
    const result = await runCheck(wordpressInstall, {
      outputs: { ...OUTPUTS, dbPassword: "stale" },
      http: wp.http,
      exec: wp.exec,
    });
    expect(result.message).toBe(
      "cannot read the site title from database wordpress: ERROR 1045 (28000): Access denied for user 'wordpress'@'localhost'",
    );
  });

  it("fails when install.php is an error page", async () => {
    expect((await runCheck(wordpressInstall, { http: () => html(500, DB_ERROR_PAGE) })).message).toBe(
      "http://127.0.0.1:18250/wp-admin/install.php answers HTTP 500",
    );
  });
});
