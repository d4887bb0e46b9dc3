import { mariadbView, OUTPUTS, runCheck, wordpressView } from "../test-support/tp05-fixture";
import { dbVariables } from "./db-variables";

const wpWith = (env: Record<string, string>) => wordpressView({ env: { ...wordpressView().env, ...env } });

describe("db-variables", () => {
  it("passes when the host is MariaDB's alias and the three values agree", async () => {
    expect(await runCheck(dbVariables)).toEqual({
      status: "pass",
      message:
        "WORDPRESS_DB_HOST names tp05-alice-mariadb; WORDPRESS_DB_USER, _PASSWORD and _NAME match MariaDB's USER, PASSWORD and DATABASE",
    });
    const mariadbNames = mariadbView({
      env: { MARIADB_USER: "wordpress", MARIADB_PASSWORD: OUTPUTS.dbPassword, MARIADB_DATABASE: "wordpress" },
    });
    const withPort = wpWith({ WORDPRESS_DB_HOST: "mariadb:3306" });
    expect((await runCheck(dbVariables, { containers: [mariadbNames, withPort] })).status).toBe("pass");
  });

  it("fails listing every mismatch, never printing a password", async () => {
    const root = wpWith({ WORDPRESS_DB_USER: "root", WORDPRESS_DB_PASSWORD: OUTPUTS.dbRootPassword });
    const result = await runCheck(dbVariables, { containers: [mariadbView(), root] });
    expect(result).toEqual({
      status: "fail",
      message:
        "WORDPRESS_DB_USER does not match MYSQL_USER (root vs wordpress); WORDPRESS_DB_PASSWORD does not match MYSQL_PASSWORD",
    });
    expect(result.message).not.toContain(OUTPUTS.dbRootPassword);
  });

  it("fails when the host names another container, or the image's default", async () => {
    const wrongHost = wpWith({ WORDPRESS_DB_HOST: "db" });
    expect((await runCheck(dbVariables, { containers: [mariadbView(), wrongHost] })).message).toBe(
      "WORDPRESS_DB_HOST=db does not name tp05-alice-mariadb on tp05-alice-net (it answers to tp05-alice-mariadb, mariadb, 0123456789ab)",
    );
    const { WORDPRESS_DB_HOST: _unset, ...env } = wordpressView().env;
    const defaulted = wordpressView({ env });
    expect((await runCheck(dbVariables, { containers: [mariadbView(), defaulted] })).message).toContain(
      "WORDPRESS_DB_HOST=mysql does not name tp05-alice-mariadb",
    );
  });

  it("fails on missing variables or no shared network", async () => {
    const { WORDPRESS_DB_NAME: _name, ...env } = wordpressView().env;
    const apart = wordpressView({ env, networks: { bridge: { aliases: [], ipAddress: "172.17.0.2" } } });
    expect((await runCheck(dbVariables, { containers: [mariadbView(), apart] })).message).toBe(
      "tp05-alice-wordpress and tp05-alice-mariadb share no network; WORDPRESS_DB_NAME is not set in tp05-alice-wordpress",
    );
  });
});
