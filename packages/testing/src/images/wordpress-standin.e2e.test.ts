import { ensureStandinImages } from "./ensure-standin-images";
import { waitForSql } from "./mysql-client";
import {
  docker,
  envArgs,
  hostPort,
  LABELLED,
  removeTestObjects,
  startContainer,
  testNames,
  waitFor,
} from "./standin-test-docker";

const name = testNames();
let image: { wordpress: string; mariadb: string };

beforeAll(async () => {
  const map = await ensureStandinImages({ only: ["wordpress:6.6-apache", "mariadb:11.4"] });
  image = { wordpress: map["wordpress:6.6-apache"] as string, mariadb: map["mariadb:11.4"] as string };
}, 3_600_000);

afterAll(removeTestObjects, 120_000);

describe("wordpress stand-in", () => {
  it("behaves like the official image: copies WordPress, writes wp-config.php from WORDPRESS_DB_*, serves the installer at /", async () => {
    await docker("network", "create", ...LABELLED, name("net"));
    const db = await startContainer(name("db"), [
      "--network",
      name("net"),
      "--network-alias",
      "mariadb",
      ...envArgs({
        MYSQL_ROOT_PASSWORD: "r00t",
        MYSQL_DATABASE: "wp",
        MYSQL_USER: "wp",
        MYSQL_PASSWORD: "wp-pw",
      }),
      image.mariadb,
    ]);
    await waitForSql(db, "wp", "wp-pw", "wp");
    // A named volume on wp-content that already holds a plugin: the entrypoint must keep it.
    await docker("volume", "create", ...LABELLED, name("content"));
    await docker(
      "run",
      "--rm",
      ...LABELLED,
      "-v",
      `${name("content")}:/c`,
      "--entrypoint",
      "sh",
      image.wordpress,
      "-c",
      "mkdir -p /c/plugins/akismet && echo mine > /c/plugins/akismet/marker",
    );
    const wp = await startContainer(name("wp"), [
      "--network",
      name("net"),
      "-p",
      "127.0.0.1::80",
      "-v",
      `${name("content")}:/var/www/html/wp-content`,
      ...envArgs({
        WORDPRESS_DB_HOST: "mariadb",
        WORDPRESS_DB_USER: "wp",
        WORDPRESS_DB_PASSWORD: "wp-pw",
        WORDPRESS_DB_NAME: "wp",
      }),
      image.wordpress,
    ]);
    const port = await hostPort(wp, 80);
    const root = await waitFor("WordPress on /", 60_000, async () => {
      const res = await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" });
      return res.status === 302 ? res : undefined;
    });
    expect(root.headers.get("location")).toBe(`http://127.0.0.1:${port}/wp-admin/install.php`);
    const install = await fetch(`http://127.0.0.1:${port}/wp-admin/install.php`);
    expect(install.status).toBe(200);
    expect(await install.text()).toContain("<title>WordPress &rsaquo; Installation</title>");

    const config = await docker("exec", wp, "cat", "/var/www/html/wp-config.php");
    expect(config).toContain("getenv_docker('WORDPRESS_DB_HOST', 'mysql')");
    expect(config).not.toContain("put your unique phrase here");
    expect(
      await docker("exec", wp, "stat", "-c", "%U", "/var/www/html/wp-content", "/var/www/html/index.php"),
    ).toBe("www-data\nwww-data");
    expect(await docker("exec", wp, "cat", "/var/www/html/wp-content/plugins/akismet/marker")).toBe("mine");
    expect(await docker("exec", wp, "ls", "/var/www/html/wp-content/themes")).toContain("twentytwentythree");
    expect(await docker("inspect", "-f", "{{json .Config.Volumes}}", wp)).toBe('{"/var/www/html":{}}');
  });

  it("writes no wp-config.php without WORDPRESS_* variables", async () => {
    const wp = await startContainer(name("bare"), [image.wordpress]);
    await waitFor("WordPress copied", 60_000, async () =>
      (await docker("exec", wp, "ls", "/var/www/html")).includes("wp-settings.php") ? true : undefined,
    );
    expect(await docker("exec", wp, "ls", "/var/www/html")).not.toContain("wp-config.php");
  });
});
