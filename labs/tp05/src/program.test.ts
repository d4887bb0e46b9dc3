import { type RecordedProgram, recordProgram, type TestEnvironment, testLabels } from "@labctl/testing";
import * as pulumi from "@pulumi/pulumi";

const TEST_ENV = {
  lab: "tp05",
  images: { wordpress: "mirror.test/wordpress:6.6-apache", mariadb: "mirror.test/mariadb:11.4" },
  ports: { wordpress: 18250 },
  secrets: {
    mariadbRootPassword: "root-Secret-1",
    wordpressDbPassword: "wp-Secret-2",
    wordpressAdminPassword: "admin-Secret-3",
  },
} satisfies TestEnvironment;
const { secrets, ports, images } = TEST_ENV;
const labels = testLabels(TEST_ENV);
let outputs: RecordedProgram["outputs"];
let raw: RecordedProgram["raw"];
let resource: RecordedProgram["resource"];

beforeAll(async () => {
  ({ outputs, raw, resource } = await recordProgram(TEST_ENV, () => require("./program")));
});

describe("tp05 program", () => {
  it("pulls both images from the image map and keeps them locally", () => {
    for (const role of ["wordpress", "mariadb"] as const) {
      expect(resource(`${role}-image`)).toMatchObject({
        type: "docker:index/remoteImage:RemoteImage",
        inputs: { name: images[role], keepLocally: true },
      });
      expect(resource(role).inputs.image).toBe(`sha256:${role}-image`);
    }
  });

  it("labels the network, both volumes and both containers", () => {
    const expected = Object.entries(labels).map(([label, value]) => ({ label, value }));
    for (const name of ["network", "db-data", "wp-content", "mariadb", "wordpress"]) {
      expect(resource(name).inputs.labels).toEqual(expect.arrayContaining(expected));
    }
  });

  it("puts both containers on a user-defined bridge network under their aliases", () => {
    expect(resource("network").inputs).toMatchObject({ name: "tp05-alice-net", driver: "bridge" });
    expect(resource("mariadb").inputs.networksAdvanced).toEqual([
      { name: "tp05-alice-net", aliases: ["mariadb"] },
    ]);
    expect(resource("wordpress").inputs.networksAdvanced).toEqual([
      { name: "tp05-alice-net", aliases: ["wordpress"] },
    ]);
  });

  it("creates MariaDB with the course's MYSQL_* variables, its volume, a healthcheck and no port", () => {
    const mariadb = resource("mariadb").inputs;
    expect(mariadb.name).toBe("tp05-alice-mariadb");
    expect(mariadb.envs).toEqual([
      `MYSQL_ROOT_PASSWORD=${secrets.mariadbRootPassword}`,
      "MYSQL_DATABASE=wordpress",
      "MYSQL_USER=wordpress",
      `MYSQL_PASSWORD=${secrets.wordpressDbPassword}`,
    ]);
    expect(resource("db-data").inputs.name).toBe("tp05-alice-db-data");
    expect(mariadb.volumes).toEqual([{ volumeName: "tp05-alice-db-data", containerPath: "/var/lib/mysql" }]);
    expect(mariadb.ports).toBeUndefined();
    expect(mariadb.healthcheck.tests).toEqual(["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"]);
    expect(mariadb).toMatchObject({ wait: true, restart: "unless-stopped" });
    expect(mariadb.waitTimeout).toBeGreaterThanOrEqual(300);
  });

  it("points WordPress at MariaDB with the course's WORDPRESS_DB_* variables and publishes it", () => {
    const wordpress = resource("wordpress").inputs;
    expect(wordpress.envs).toEqual([
      "WORDPRESS_DB_HOST=mariadb",
      "WORDPRESS_DB_USER=wordpress",
      `WORDPRESS_DB_PASSWORD=${secrets.wordpressDbPassword}`,
      "WORDPRESS_DB_NAME=wordpress",
    ]);
    expect(resource("wp-content").inputs.name).toBe("tp05-alice-wp-content");
    expect(wordpress.volumes).toEqual([
      { volumeName: "tp05-alice-wp-content", containerPath: "/var/www/html/wp-content" },
    ]);
    expect(wordpress.ports).toEqual([
      { internal: 80, external: ports.wordpress, ip: "127.0.0.1", protocol: "tcp" },
    ]);
    expect(wordpress.restart).toBe("unless-stopped");
  });

  it("starts WordPress only after MariaDB and replaces named containers delete-first", () => {
    expect(resource("wordpress").dependencies).toContain("mariadb");
    expect(resource("mariadb").dependencies).not.toContain("wordpress");
    expect(resource("wordpress").deleteBeforeReplace).toBe(true);
    expect(resource("mariadb").deleteBeforeReplace).toBe(true);
  });

  it("keeps the passwords secret in inputs and outputs", async () => {
    const secretText = (name: string) => JSON.stringify(resource(name).secrets);
    expect(secretText("mariadb")).toContain(`MYSQL_ROOT_PASSWORD=${secrets.mariadbRootPassword}`);
    expect(secretText("wordpress")).toContain(`WORDPRESS_DB_PASSWORD=${secrets.wordpressDbPassword}`);
    for (const key of ["dbPassword", "dbRootPassword", "adminPassword"]) {
      expect(await pulumi.isSecret(pulumi.output(raw[key]))).toBe(true);
    }
    expect(await pulumi.isSecret(pulumi.output(raw.wordpressContainer))).toBe(false);
  });

  it("exports the names and credentials the checks use", () => {
    expect(outputs).toEqual({
      wordpressUrl: `http://127.0.0.1:${ports.wordpress}`,
      wordpressContainer: "tp05-alice-wordpress",
      mariadbContainer: "tp05-alice-mariadb",
      network: "tp05-alice-net",
      dbVolume: "tp05-alice-db-data",
      contentVolume: "tp05-alice-wp-content",
      database: "wordpress",
      dbUser: "wordpress",
      dbPassword: secrets.wordpressDbPassword,
      dbRootPassword: secrets.mariadbRootPassword,
      adminUser: "alice",
      adminPassword: secrets.wordpressAdminPassword,
      adminEmail: "alice@example.com",
    });
  });
});
