import { type Check, errorText, fail, pass } from "@labctl/sdk";
import type { Tp05Outputs } from "../outputs";
import { databaseError, getPage, isWordPressPage } from "./wordpress-page";

export const wordpressHttp: Check<Tp05Outputs> = {
  id: "wordpress-http",
  title: "WordPress answers on its URL (installation page or site)",
  points: 3,
  needs: ["mariadb-running"],
  hint: "Open the URL from `labctl status tp05`: before installation WordPress sends you to /wp-admin/install.php. If nothing answers, compare the port mapping in `docker ps` with your port and read `docker logs <wordpress container>`.",
  run: async ({ http, outputs }) => {
    const url = outputs.wordpressUrl;
    try {
      const page = await getPage(http, url);
      if (page.offsite) {
        return fail(`WordPress redirects ${url} to ${page.offsite}: its site URL is another address`);
      }
      const dbError = databaseError(page.body);
      if (dbError) return fail(`WordPress answers HTTP ${page.status} on ${page.url}: "${dbError}"`);
      if (page.status !== 200) return fail(`WordPress answers HTTP ${page.status} on ${page.url}`);
      if (!isWordPressPage(page.body)) return fail(`${page.url} answers 200, but not with a WordPress page`);
      if (new URL(page.url).pathname === "/wp-admin/install.php") {
        return pass(`WordPress serves its installation page on ${url} (/wp-admin/install.php)`);
      }
      return pass(`WordPress serves the installed site on ${url}`);
    } catch (err) {
      return fail(`WordPress does not answer on ${url}: ${errorText(err)}`);
    }
  },
};
