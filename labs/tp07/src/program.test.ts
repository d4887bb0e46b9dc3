import { dockerLabels } from "@labctl/sdk";
import { type RecordedProgram, recordProgram, type TestEnvironment, testLabels } from "@labctl/testing";
import * as pulumi from "@pulumi/pulumi";

/** What a resolved EnvironmentSpec would give tp07's program for student alice. */
const env = (mode?: "mesh" | "host") =>
  ({
    lab: "tp07",
    images: {
      web: "mirror.test/nginx:1.27-alpine",
      ingress: "mirror.test/nginx:1.27-alpine",
      db: "mirror.test/mariadb:11.4",
    },
    ports: { ingress: 18270 },
    secrets: { dbRootPassword: "root-Secret-1", dbPassword: "user-Secret-2" },
    ...(mode ? { swarm: { mode } } : {}),
  }) satisfies TestEnvironment;
const TEST_ENV = env("host");
const { secrets, images, ports } = TEST_ENV;
const labels = [
  ...dockerLabels({ labels: testLabels(TEST_ENV) }),
  { label: "com.docker.stack.namespace", value: "tp07-alice-stack" },
];
const SERVICES = ["web", "db", "ingress"];
let run: RecordedProgram;
let resource: RecordedProgram["resource"];

beforeAll(async () => {
  run = await recordProgram(TEST_ENV, () => require("./program"));
  resource = run.resource;
});

describe("tp07 program", () => {
  it("declares two overlays, two configs, two secrets and three services", () => {
    const types = Object.fromEntries([...run.resources.values()].map((r) => [r.name, r.type]));
    expect(types).toEqual({
      front: "docker:index/network:Network",
      back: "docker:index/network:Network",
      "web-conf": "docker:index/serviceConfig:ServiceConfig",
      "ingress-conf": "docker:index/serviceConfig:ServiceConfig",
      "db-root-password": "docker:index/secret:Secret",
      "db-password": "docker:index/secret:Secret",
      web: "docker:index/service:Service",
      db: "docker:index/service:Service",
      ingress: "docker:index/service:Service",
    });
  });

  it("names every object through the context and labels it as one stack, task containers included", () => {
    for (const r of run.resources.values()) {
      expect(r.inputs.name).toBe(`tp07-alice-${r.name}`);
      expect(r.inputs.labels).toEqual(labels);
    }
    for (const name of SERVICES) expect(resource(name).inputs.taskSpec.containerSpec.labels).toEqual(labels);
  });

  it("makes front attachable and back internal and attachable, both overlays", () => {
    expect(resource("front").inputs).toMatchObject({ driver: "overlay", attachable: true, internal: false });
    expect(resource("back").inputs).toMatchObject({ driver: "overlay", attachable: true, internal: true });
  });

  it("puts web and ingress on front only and db on back only", () => {
    const networks = (name: string) => resource(name).inputs.taskSpec.networksAdvanceds;
    expect(networks("web")).toEqual([{ name: "tp07-alice-front" }]);
    expect(networks("ingress")).toEqual([{ name: "tp07-alice-front" }]);
    expect(networks("db")).toEqual([{ name: "tp07-alice-back" }]);
  });

  it("takes every image from the image map", () => {
    for (const name of SERVICES) {
      expect(resource(name).inputs.taskSpec.containerSpec.image).toBe(images[name as keyof typeof images]);
    }
  });

  it("runs 3 web replicas answering with their task's host name, from a mounted config", () => {
    const web = resource("web").inputs;
    expect(web.mode).toEqual({ replicated: { replicas: 3 } });
    expect(web.taskSpec.containerSpec.configs).toEqual([
      {
        configId: "web-conf-id",
        configName: "tp07-alice-web-conf",
        fileName: "/etc/nginx/conf.d/default.conf",
      },
    ]);
    expect(resource("web-conf").inputs.dataRaw).toContain('return 200 "served by $hostname\\n";');
  });

  it("rolls web out one task at a time, starting the new task first, with a delay", () => {
    expect(resource("web").inputs.updateConfig).toMatchObject({
      parallelism: 1,
      order: "start-first",
      delay: expect.stringMatching(/^[1-9]\d*s$/),
    });
  });

  it("declares web's restart policy, so up restores it (Swarm replaces a killed task)", () => {
    expect(resource("web").inputs.taskSpec.restartPolicy).toEqual({ condition: "any" });
  });

  it("waits for every service to converge", () => {
    for (const name of SERVICES) {
      expect(resource(name).inputs.convergeConfig).toMatchObject({ timeout: expect.any(String) });
    }
  });

  it("gives db its passwords as secrets under /run/secrets, read through MARIADB_*_FILE", () => {
    const db = resource("db").inputs.taskSpec.containerSpec;
    expect(db.secrets).toEqual([
      {
        secretId: "db-root-password-id",
        secretName: "tp07-alice-db-root-password",
        fileName: "tp07-alice-db-root-password",
      },
      {
        secretId: "db-password-id",
        secretName: "tp07-alice-db-password",
        fileName: "tp07-alice-db-password",
      },
    ]);
    expect(db.env).toEqual({
      MARIADB_ROOT_PASSWORD_FILE: "/run/secrets/tp07-alice-db-root-password",
      MARIADB_PASSWORD_FILE: "/run/secrets/tp07-alice-db-password",
      MARIADB_USER: "tp07",
      MARIADB_DATABASE: "tp07",
    });
    const base64 = (s: string) => Buffer.from(s).toString("base64");
    expect(resource("db-root-password").inputs.data).toBe(base64(secrets.dbRootPassword));
    expect(resource("db-password").inputs.data).toBe(base64(secrets.dbPassword));
  });

  it("keeps the passwords out of every service spec and inside Pulumi secrets", async () => {
    for (const name of SERVICES) {
      const spec = JSON.stringify(resource(name).inputs);
      expect(spec).not.toContain(secrets.dbRootPassword);
      expect(spec).not.toContain(secrets.dbPassword);
    }
    expect(resource("db-root-password").secrets).toEqual([
      Buffer.from(secrets.dbRootPassword).toString("base64"),
    ]);
    expect(resource("db-password").secrets).toEqual([Buffer.from(secrets.dbPassword).toString("base64")]);
    for (const key of ["dbRootPassword", "dbPassword"] as const) {
      expect(await pulumi.isSecret(pulumi.output(run.raw[key]))).toBe(true);
    }
  });

  it("routes the student's host to web and answers 404 for any other host", () => {
    const conf = resource("ingress-conf").inputs.dataRaw as string;
    expect(conf).toMatch(/listen 80 default_server;\s+server_name _;\s+return 404;/);
    expect(conf).toMatch(
      /server_name alice\.tp07\.localhost;\s+location \/ \{\s+set \$web http:\/\/tp07-alice-web:80;/,
    );
    expect(conf).toContain("proxy_pass $web;");
    // Re-resolved every few seconds, so nginx follows tasks that come and go.
    expect(conf).toContain("resolver 127.0.0.11 valid=5s");
    expect(resource("ingress").inputs.taskSpec.containerSpec.configs).toEqual([
      {
        configId: "ingress-conf-id",
        configName: "tp07-alice-ingress-conf",
        fileName: "/etc/nginx/conf.d/default.conf",
      },
    ]);
    expect(resource("ingress").dependencies).toContain("web");
  });

  it("exports what the checks use", () => {
    expect(run.outputs).toEqual({
      url: `http://127.0.0.1:${ports.ingress}/`,
      host: "alice.tp07.localhost",
      services: { ingress: "tp07-alice-ingress", web: "tp07-alice-web", db: "tp07-alice-db" },
      networks: { front: "tp07-alice-front", back: "tp07-alice-back" },
      dbSecrets: ["tp07-alice-db-root-password", "tp07-alice-db-password"],
      webConfig: "tp07-alice-web-conf",
      dbRootPassword: secrets.dbRootPassword,
      dbPassword: secrets.dbPassword,
      publishMode: "host",
      replicas: 3,
    });
  });
});

describe.each([
  ["host", env("host")],
  ["host (the default)", env()],
] as const)("tp07 program in %s mode", (_, environment) => {
  it("publishes the ingress in host mode and gives every service dnsrr endpoints", async () => {
    const { resource, outputs } = await recordProgram(environment, () => require("./program"));
    expect(resource("ingress").inputs.endpointSpec).toEqual({
      mode: "dnsrr",
      ports: [{ targetPort: 80, publishedPort: ports.ingress, protocol: "tcp", publishMode: "host" }],
    });
    for (const name of ["web", "db"]) expect(resource(name).inputs.endpointSpec).toEqual({ mode: "dnsrr" });
    expect(outputs.publishMode).toBe("host");
  });
});

describe("tp07 program in mesh mode", () => {
  it("publishes the ingress through the routing mesh and gives every service a VIP", async () => {
    const { resource, outputs } = await recordProgram(env("mesh"), () => require("./program"));
    expect(resource("ingress").inputs.endpointSpec).toEqual({
      mode: "vip",
      ports: [{ targetPort: 80, publishedPort: ports.ingress, protocol: "tcp", publishMode: "ingress" }],
    });
    for (const name of ["web", "db"]) expect(resource(name).inputs.endpointSpec).toEqual({ mode: "vip" });
    expect(outputs.publishMode).toBe("mesh");
  });
});
