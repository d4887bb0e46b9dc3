import { type Check, type CheckContext, engineGuard, errorText, fail, mysqlQuery, pass } from "@labctl/sdk";
import type { Tp05Outputs } from "../outputs";
import { SQL_CLIENT } from "../topology";
import { mysqlError } from "./mysql-error";
import { headline } from "./wordpress-page";

/** The site title the check gives WordPress: it names the student, so it is found in their database. */
export const siteTitle = (studentId: string) => `labctl blog of ${studentId}`;

/** WordPress's own complaint on a failed installation step (e.g. "Please provide a valid username."). */
function installMessage(body: string): string | undefined {
  const found = body.match(/<p class="message">([\s\S]*?)<\/p>/);
  return found?.[1]?.replace(/<[^>]+>/g, "").trim() || headline(body);
}

/** Fills in the form of install.php, as a visitor would; undefined when WordPress says "Success!". */
async function install({ http, outputs, studentId }: CheckContext<Tp05Outputs>, url: string) {
  const form = new URLSearchParams({
    weblog_title: siteTitle(studentId),
    user_name: outputs.adminUser,
    admin_password: outputs.adminPassword,
    admin_password2: outputs.adminPassword,
    admin_email: outputs.adminEmail,
    blog_public: "0",
    language: "",
  });
  const res = await http.request(`${url}?step=2`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    timeoutMs: 60_000,
  });
  if (res.status === 200 && /<h1>\s*Success!\s*<\/h1>/.test(res.body)) return undefined;
  const says = installMessage(res.body);
  return `completing the installation answered HTTP ${res.status}${says ? `: "${says}"` : ""}`;
}

export const wordpressInstall: Check<Tp05Outputs> = {
  id: "wordpress-install",
  title: "The WordPress installation completes over HTTP and its title lands in MariaDB",
  points: 4,
  needs: ["wordpress-db"],
  deep: true,
  once: true,
  timeoutMs: 120_000,
  hint: "This deep check fills in the installation form (site title, administrator) like a visitor, then reads the site title back from the wp_options table. To look yourself: `docker exec <mariadb container> mariadb -u wordpress -p wordpress -e \"SELECT option_value FROM wp_options WHERE option_name='blogname'\"`.",
  run: (ctx) =>
    engineGuard(async () => {
      const { http, docker, outputs, studentId } = ctx;
      const url = `${outputs.wordpressUrl}/wp-admin/install.php`;
      let installedNow = false;
      try {
        const page = await http.request(url, { timeoutMs: 15_000 });
        if (!/Already Installed/.test(page.body)) {
          const problem =
            page.status === 200 ? await install(ctx, url) : `${url} answers HTTP ${page.status}`;
          if (problem) return fail(problem);
          installedNow = true;
        }
      } catch (err) {
        return fail(`WordPress does not answer on ${url}: ${errorText(err)}`);
      }
      const { database, dbUser: user, dbPassword: password } = outputs;
      const sql = "SELECT option_value FROM wp_options WHERE option_name = 'blogname'";
      const { ok, rows, result } = await mysqlQuery(
        docker,
        outputs.mariadbContainer,
        { user, password, database },
        sql,
        { client: SQL_CLIENT },
      );
      if (!ok)
        return fail(
          `cannot read the site title from database ${database}: ${mysqlError(result.stderr, result.exitCode)}`,
        );
      const blogname = rows[0]?.[0];
      if (blogname === undefined) {
        return fail(`no blogname in ${database}.wp_options: WordPress keeps its settings somewhere else`);
      }
      if (!installedNow)
        return pass(`WordPress was already installed; database ${database} holds its title "${blogname}"`);
      const title = siteTitle(studentId);
      if (blogname !== title) {
        return fail(
          `WordPress accepted the installation, but blogname in ${database} is "${blogname}", not "${title}"`,
        );
      }
      return pass(
        `installed WordPress over HTTP as ${outputs.adminUser}; database ${database} holds its title "${title}"`,
      );
    }),
};
