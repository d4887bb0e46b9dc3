import { type RecordedProgram, recordProgram, type TestEnvironment, testLabels } from "@labctl/testing";
import * as pulumi from "@pulumi/pulumi";

/** What a resolved EnvironmentSpec would give tp03's program for student alice. */
const TEST_ENV = {
  lab: "tp03",
  images: { ghost: "mirror.test/ghost:5-alpine", mysql: "mirror.test/mysql:8.0" } as Record<string, string>,
  ports: { ghost: 18230 },
  secrets: { mysqlRootPassword: "root-Secret-1", mysqlPassword: "ghost-Secret-2" },
  bindAddress: "127.0.0.1",
} satisfies TestEnvironment;
const { secrets, ports, images } = TEST_ENV;
const labels = testLabels(TEST_ENV);
let outputs: RecordedProgram["outputs"];
let raw: RecordedProgram["raw"];
let resource: RecordedProgram["resource"];

beforeAll(async () => {
  ({ outputs, raw, resource } = await recordProgram(TEST_ENV, () => require("./program")));
});

describe("tp03 program", () => {
  it("pulls both images from the image map and keeps them locally", () => {
    for (const role of ["ghost", "mysql"]) {
      expect(resource(`${role}-image`)).toMatchObject({
        type: "docker:index/remoteImage:RemoteImage",
        inputs: { name: images[role], keepLocally: true },
      });
      expect(resource(role).inputs.image).toBe(`sha256:${role}-image`);
    }
  });

  it("labels the network, the volume and both containers", () => {
    const expected = Object.entries(labels).map(([label, value]) => ({ label, value }));
    for (const name of ["network", "mysql-data", "mysql", "ghost"]) {
      expect(resource(name).inputs.labels).toEqual(expect.arrayContaining(expected));
    }
  });

  it("puts both containers on a user-defined bridge network under their aliases", () => {
    expect(resource("network").inputs).toMatchObject({ name: "tp03-alice-net", driver: "bridge" });
    expect(resource("mysql").inputs.networksAdvanced).toEqual([
      { name: "tp03-alice-net", aliases: ["mysql"] },
    ]);
    expect(resource("ghost").inputs.networksAdvanced).toEqual([
      { name: "tp03-alice-net", aliases: ["ghost"] },
    ]);
  });

  it("gives MySQL its data volume, credentials, healthcheck and no published port", () => {
    const mysql = resource("mysql").inputs;
    expect(mysql.name).toBe("tp03-alice-mysql");
    expect(resource("mysql-data").inputs.name).toBe("tp03-alice-mysql-data");
    expect(mysql.volumes).toEqual([{ volumeName: "tp03-alice-mysql-data", containerPath: "/var/lib/mysql" }]);
    expect(mysql.envs).toEqual([
      `MYSQL_ROOT_PASSWORD=${secrets.mysqlRootPassword}`,
      "MYSQL_DATABASE=ghost",
      "MYSQL_USER=ghost",
      `MYSQL_PASSWORD=${secrets.mysqlPassword}`,
    ]);
    expect(mysql.ports).toBeUndefined();
    expect(mysql).toMatchObject({ wait: true, restart: "unless-stopped" });
    expect(mysql.waitTimeout).toBeGreaterThanOrEqual(300);
    expect(mysql.healthcheck.tests[0]).toBe("CMD-SHELL");
    expect(mysql.healthcheck.tests[1]).toContain("mysqladmin ping");
    // The healthcheck reads the password from the environment: no literal password in it.
    expect(JSON.stringify(mysql.healthcheck)).not.toContain(secrets.mysqlRootPassword);
  });

  it("points Ghost at MySQL by alias and publishes it on the student's port and address", () => {
    const ghost = resource("ghost").inputs;
    const url = `http://127.0.0.1:${ports.ghost}`;
    expect(ghost.envs).toEqual([
      `url=${url}`,
      "database__client=mysql",
      "database__connection__host=mysql",
      "database__connection__user=ghost",
      `database__connection__password=${secrets.mysqlPassword}`,
      "database__connection__database=ghost",
    ]);
    expect(ghost.ports).toEqual([
      { internal: 2368, external: ports.ghost, ip: "127.0.0.1", protocol: "tcp" },
    ]);
    expect(ghost.restart).toBe("unless-stopped");
    expect(outputs.ghostUrl).toBe(url);
  });

  it("starts Ghost only after MySQL and replaces named containers delete-first", () => {
    expect(resource("ghost").dependencies).toContain("mysql");
    expect(resource("mysql").dependencies).not.toContain("ghost");
    expect(resource("ghost").deleteBeforeReplace).toBe(true);
    expect(resource("mysql").deleteBeforeReplace).toBe(true);
  });

  it("keeps the passwords secret in inputs and outputs", async () => {
    // Pulumi marks the whole env list secret when one entry is: the passwords travel inside it.
    const secretText = (name: string) => JSON.stringify(resource(name).secrets);
    expect(secretText("mysql")).toContain(`MYSQL_ROOT_PASSWORD=${secrets.mysqlRootPassword}`);
    expect(secretText("mysql")).toContain(`MYSQL_PASSWORD=${secrets.mysqlPassword}`);
    expect(secretText("ghost")).toContain(`database__connection__password=${secrets.mysqlPassword}`);
    expect(secretText("ghost")).not.toContain("2368");
    expect(await pulumi.isSecret(pulumi.output(raw.mysqlPassword))).toBe(true);
    expect(await pulumi.isSecret(pulumi.output(raw.mysqlRootPassword))).toBe(true);
    expect(await pulumi.isSecret(pulumi.output(raw.ghostContainer))).toBe(false);
  });

  it("exports the names and credentials the checks use", () => {
    expect(outputs).toEqual({
      ghostUrl: `http://127.0.0.1:${ports.ghost}`,
      ghostContainer: "tp03-alice-ghost",
      mysqlContainer: "tp03-alice-mysql",
      network: "tp03-alice-net",
      volume: "tp03-alice-mysql-data",
      database: "ghost",
      mysqlUser: "ghost",
      mysqlPassword: secrets.mysqlPassword,
      mysqlRootPassword: secrets.mysqlRootPassword,
    });
  });
});
