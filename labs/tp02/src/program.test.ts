import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { studentMarker } from "@labctl/sdk";
import {
  testProgramContext as contextFor,
  type RecordedProgram,
  recordProgram,
  type TestEnvironment,
  testLabels,
} from "@labctl/testing";
import * as pulumi from "@pulumi/pulumi";

/** What a resolved EnvironmentSpec would give tp02's program for student alice. */
const TEST_ENV = {
  lab: "tp02",
  images: { db: "mirror.test/mariadb:11.4", web: "mirror.test/nginx:1.27-alpine" } as Record<string, string>,
  ports: { web: 18200 },
  bindAddress: "127.0.0.1",
  secrets: { mariadbRootPassword: "root-Secret-1" },
} satisfies TestEnvironment;
const { secrets, ports, images } = TEST_ENV;
const labels = testLabels(TEST_ENV);
const dataDir = join(mkdtempSync(join(tmpdir(), "tp02-program-")), "data");
const webRoot = join(dataDir, "www");
let outputs: RecordedProgram["outputs"];
let raw: RecordedProgram["raw"];
let resource: RecordedProgram["resource"];
const program = () => (require("./program") as typeof import("./program")).default;
const testProgramContext = (dir: string | undefined) => contextFor({ ...TEST_ENV, dataDir: dir });

beforeAll(async () => {
  ({ outputs, raw, resource } = await recordProgram({ ...TEST_ENV, dataDir }, () => require("./program")));
});

afterAll(() => rmSync(join(dataDir, ".."), { recursive: true, force: true }));

describe("tp02 program", () => {
  it("pulls both images from the image map and labels every object", () => {
    for (const role of ["db", "web"]) {
      expect(resource(`${role}-image`).inputs).toEqual({ name: images[role], keepLocally: true });
      expect(resource(role).inputs.image).toBe(`sha256:${role}-image`);
    }
    const expected = Object.entries(labels).map(([label, value]) => ({ label, value }));
    for (const name of ["db-data", "db", "web"]) {
      expect(resource(name).inputs.labels).toEqual(expect.arrayContaining(expected));
    }
  });

  it("puts MariaDB's data directory on the named volume, with its credentials and no port", () => {
    const db = resource("db").inputs;
    expect(db.name).toBe("tp02-alice-db");
    expect(resource("db-data").inputs.name).toBe("tp02-alice-db-data");
    expect(db.volumes).toEqual([{ volumeName: "tp02-alice-db-data", containerPath: "/var/lib/mysql" }]);
    expect(db.envs).toEqual([
      `MARIADB_ROOT_PASSWORD=${secrets.mariadbRootPassword}`,
      "MARIADB_DATABASE=tp02",
    ]);
    expect(db.ports).toBeUndefined();
    expect(db).toMatchObject({ wait: true, restart: "unless-stopped" });
    expect(db.healthcheck.tests).toEqual(["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"]);
    expect(resource("db").deleteBeforeReplace).toBe(true);
  });

  it("writes the web root under the environment's data directory and bind-mounts it read-only", () => {
    const web = resource("web").inputs;
    expect(web.volumes).toEqual([
      { hostPath: webRoot, containerPath: "/usr/share/nginx/html", readOnly: true },
    ]);
    expect(web.ports).toEqual([{ internal: 80, external: ports.web, ip: "127.0.0.1", protocol: "tcp" }]);
    expect(web.restart).toBe("unless-stopped");
    const index = join(webRoot, "index.html");
    expect(readFileSync(index, "utf8")).toContain(studentMarker("alice"));
    expect(statSync(webRoot).mode & 0o777).toBe(0o755);
    expect(statSync(index).mode & 0o777).toBe(0o644);
  });

  it("keeps a page the student edited when it runs again", () => {
    writeFileSync(join(webRoot, "index.html"), "edited");
    program()(testProgramContext(dataDir));
    expect(readFileSync(join(webRoot, "index.html"), "utf8")).toBe("edited");
  });

  it("refuses to run without a data directory", () => {
    expect(() => program()(testProgramContext(undefined))).toThrow(/no dataDir/);
  });

  it("keeps the root password secret and exports what the checks use", async () => {
    expect(JSON.stringify(resource("db").secrets)).toContain(secrets.mariadbRootPassword);
    expect(await pulumi.isSecret(pulumi.output(raw.rootPassword))).toBe(true);
    expect(outputs).toEqual({
      webUrl: `http://127.0.0.1:${ports.web}/`,
      webContainer: "tp02-alice-web",
      webRoot,
      dbContainer: "tp02-alice-db",
      volume: "tp02-alice-db-data",
      database: "tp02",
      rootPassword: secrets.mariadbRootPassword,
    });
  });
});
