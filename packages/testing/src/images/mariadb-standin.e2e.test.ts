import { chmod, mkdtemp, writeFile } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { ensureStandinImages } from "./ensure-standin-images";
import { sql, waitForSql } from "./mysql-client";
import {
  docker,
  envArgs,
  LABELLED,
  logsOf,
  mainUid,
  removeTestObjects,
  startContainer,
  testNames,
} from "./standin-test-docker";

const name = testNames();
let image: { mysql: string; mariadb: string };

beforeAll(async () => {
  const map = await ensureStandinImages({ only: ["mysql:8.0"] });
  image = { mysql: map["mysql:8.0"] as string, mariadb: map["mariadb:11.4"] as string };
}, 3_600_000);

afterAll(removeTestObjects, 120_000);

describe("mysql/mariadb stand-in", () => {
  it("creates the database and user from MYSQL_*, reachable by name from another container", async () => {
    await docker("network", "create", ...LABELLED, name("net"));
    const env = {
      MYSQL_ROOT_PASSWORD: "r00t-pw",
      MYSQL_DATABASE: "app_db",
      MYSQL_USER: "app",
      MYSQL_PASSWORD: "it's-secret",
    };
    const db = await startContainer(name("mysql"), [
      "--network",
      name("net"),
      "--network-alias",
      "db",
      ...envArgs(env),
      image.mysql,
    ]);
    await waitForSql(db, "app", "it's-secret", "app_db");

    expect(await sql(db, "app", "it's-secret", "SELECT current_user()")).toBe("app@%");
    const roots = await sql(
      db,
      "root",
      "r00t-pw",
      "SELECT host FROM mysql.user WHERE user='root' ORDER BY host",
    );
    expect(roots).toBe("%\nlocalhost");
    await expect(sql(db, "app", "wrong", "SELECT 1")).rejects.toThrow(/Access denied/);
    await expect(sql(db, "app", "it's-secret", "CREATE DATABASE other_db")).rejects.toThrow(/Access denied/);

    const client = [
      "run",
      "--rm",
      ...LABELLED,
      "--network",
      name("net"),
      "-e",
      "MYSQL_PWD=it's-secret",
      image.mysql,
    ];
    expect(await docker(...client, "mysql", "-hdb", "-uapp", "-N", "-e", "SELECT DATABASE()", "app_db")).toBe(
      "app_db",
    );
    expect(await docker("exec", db, "healthcheck.sh", "--connect", "--innodb_initialized")).toBe("");
    const ping = ["exec", "-e", "MYSQL_PWD=r00t-pw", db, "mysqladmin", "ping", "-h127.0.0.1", "-uroot"];
    expect(await docker(...ping)).toContain("mysqld is alive");
    expect(await mainUid(db)).toBe(await docker("exec", db, "id", "-u", "mysql"));
    expect(await mainUid(db)).not.toBe("0");
  });

  it("honours MARIADB_* and *_FILE variables", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "labctl-standin-secret-"));
    await writeFile(path.join(dir, "pw"), "from-a-file\n");
    await chmod(dir, 0o755);
    const env = {
      MARIADB_ROOT_PASSWORD: "r00t",
      MARIADB_DATABASE: "shop",
      MARIADB_USER: "seller",
      MARIADB_PASSWORD_FILE: "/run/secrets/pw",
    };
    const db = await startContainer(name("mariadb"), [
      "-v",
      `${dir}:/run/secrets:ro`,
      ...envArgs(env),
      image.mariadb,
    ]);
    await waitForSql(db, "seller", "from-a-file", "shop");
    expect(await sql(db, "seller", "from-a-file", "SELECT current_user(), DATABASE()", "shop")).toBe(
      "seller@%\tshop",
    );
  });

  it("refuses a first boot without any root password option", async () => {
    const db = await startContainer(name("nopw"), [image.mysql]);
    expect(await docker("wait", db)).not.toBe("0");
    expect((await logsOf(db)).join("\n")).toMatch(/password option is not specified/);
  });

  it("keeps data on its volume across a new container and does not initialize again", async () => {
    await docker("volume", "create", ...LABELLED, name("data"));
    const run = (role: string, rootPassword: string, database: string) =>
      startContainer(name(role), [
        "-v",
        `${name("data")}:/var/lib/mysql`,
        ...envArgs({ MYSQL_ROOT_PASSWORD: rootPassword, MYSQL_DATABASE: database }),
        image.mysql,
      ]);
    const first = await run("keep1", "first-pw", "kept");
    await waitForSql(first, "root", "first-pw", "kept");
    await sql(
      first,
      "root",
      "first-pw",
      "CREATE TABLE marker (v TEXT); INSERT INTO marker VALUES ('still here')",
      "kept",
    );
    await docker("rm", "-f", first);

    const second = await run("keep2", "second-pw", "fresh");
    await waitForSql(second, "root", "first-pw", "kept");
    expect(await sql(second, "root", "first-pw", "SELECT v FROM marker", "kept")).toBe("still here");
    expect(await sql(second, "root", "first-pw", "SHOW DATABASES")).not.toContain("fresh");
    await expect(sql(second, "root", "second-pw", "SELECT 1")).rejects.toThrow(/Access denied/);
    expect((await logsOf(second)).join("\n")).toMatch(/already initialized/);
  });
});
