import { dockerLabels, MARIADB_HEALTHCHECK, type ProgramContext, publishedUrl } from "@labctl/sdk";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { ingressServerBlocks, webServerBlock } from "./nginx-configs";
import type { Tp07Outputs } from "./outputs";
import {
  DB_ACCOUNT,
  HTTP_PORT,
  NGINX_CONF,
  SECRETS_DIR,
  STACK_LABEL,
  studentHost,
  WEB_REPLICAS,
} from "./topology";

type ProgramOutputs = { [K in keyof Tp07Outputs]: pulumi.Input<Tp07Outputs[K]> };

/**
 * A Swarm stack per student: `ingress` (nginx, one task, published) on the `front` overlay routes
 * the student's host name to `web` (three nginx tasks that name themselves); `db` (MariaDB) sits
 * alone on the internal `back` overlay with its passwords as Docker secrets. Where the kernel has
 * IPVS ("mesh") the ingress publishes through the routing mesh and services have VIPs; elsewhere
 * ("host", the default) it publishes in host mode and services answer DNS round robin (`dnsrr`).
 */
export default function program(ctx: ProgramContext): ProgramOutputs {
  // The docker CLI's stack commands group objects by this label: one stack per student.
  const stack = ctx.name("stack");
  const labels = [...dockerLabels(ctx), { label: STACK_LABEL, value: stack }];
  const mode = ctx.swarm?.mode ?? "host";
  const endpointMode = mode === "mesh" ? "vip" : "dnsrr";
  const host = studentHost(ctx.student.id);

  // Both attachable: checks (and students) run probe containers on them with `docker run --network`.
  const overlay = (role: "front" | "back", internal: boolean) =>
    new docker.Network(role, { name: ctx.name(role), driver: "overlay", attachable: true, internal, labels });
  const front = overlay("front", false);
  const back = overlay("back", true);

  const config = (role: string, text: string) =>
    new docker.ServiceConfig(role, { name: ctx.name(role), dataRaw: text, labels });
  const webConfig = config("web-conf", webServerBlock());
  const ingressConfig = config("ingress-conf", ingressServerBlocks(host, ctx.name("web")));

  const rootPassword = ctx.secret("dbRootPassword");
  const password = ctx.secret("dbPassword");
  const secret = (role: string, value: pulumi.Output<string>) =>
    new docker.Secret(role, {
      name: ctx.name(role),
      data: value.apply((v) => Buffer.from(v).toString("base64")),
      labels,
    });
  const rootSecret = secret("db-root-password", rootPassword);
  const passwordSecret = secret("db-password", password);

  const web = new docker.Service("web", {
    name: ctx.name("web"),
    labels,
    taskSpec: {
      containerSpec: {
        image: ctx.image("web"),
        labels,
        configs: [{ configId: webConfig.id, configName: webConfig.name, fileName: NGINX_CONF }],
      },
      networksAdvanceds: [{ name: front.name }],
      // Swarm's default, declared so that `up` puts it back when it was changed: failover needs it.
      restartPolicy: { condition: "any" },
    },
    mode: { replicated: { replicas: WEB_REPLICAS } },
    endpointSpec: { mode: endpointMode },
    // One task at a time, the new one up before the old one stops: the ingress always has a task.
    updateConfig: {
      parallelism: 1,
      delay: "2s",
      order: "start-first",
      monitor: "5s",
      failureAction: "rollback",
    },
    // Like `docker service create` without --detach: up returns once every replica runs.
    convergeConfig: { timeout: "2m", delay: "1s" },
  });

  const db = new docker.Service("db", {
    name: ctx.name("db"),
    labels,
    taskSpec: {
      containerSpec: {
        image: ctx.image("db"),
        labels,
        // The image reads each password from the file a *_FILE variable names: never in the environment.
        env: pulumi.all([rootSecret.name, passwordSecret.name]).apply(([root, user]) => ({
          MARIADB_ROOT_PASSWORD_FILE: `${SECRETS_DIR}/${root}`,
          MARIADB_PASSWORD_FILE: `${SECRETS_DIR}/${user}`,
          MARIADB_USER: DB_ACCOUNT.user,
          MARIADB_DATABASE: DB_ACCOUNT.database,
        })),
        secrets: [rootSecret, passwordSecret].map((s) => ({
          secretId: s.id,
          secretName: s.name,
          fileName: s.name,
        })),
        healthcheck: MARIADB_HEALTHCHECK,
      },
      networksAdvanceds: [{ name: back.name }],
    },
    mode: { replicated: { replicas: 1 } },
    endpointSpec: { mode: endpointMode },
    convergeConfig: { timeout: "3m", delay: "1s" },
  });

  // Swarm binds a published port on every address of every node: the bind address cannot narrow it.
  const port = ctx.port("ingress");
  const ingress = new docker.Service(
    "ingress",
    {
      name: ctx.name("ingress"),
      labels,
      taskSpec: {
        containerSpec: {
          image: ctx.image("ingress"),
          labels,
          configs: [{ configId: ingressConfig.id, configName: ingressConfig.name, fileName: NGINX_CONF }],
        },
        networksAdvanceds: [{ name: front.name }],
      },
      mode: { replicated: { replicas: 1 } },
      endpointSpec: {
        mode: endpointMode,
        ports: [
          {
            targetPort: HTTP_PORT,
            publishedPort: port,
            protocol: "tcp",
            publishMode: mode === "mesh" ? "ingress" : "host",
          },
        ],
      },
      convergeConfig: { timeout: "2m", delay: "1s" },
    },
    // Up returns once the ingress has tasks to send requests to.
    { dependsOn: [web] },
  );

  return {
    url: publishedUrl(ctx.bindAddress, port, "/"),
    host,
    services: pulumi.output({ ingress: ingress.name, web: web.name, db: db.name }),
    networks: pulumi.output({ front: front.name, back: back.name }),
    dbSecrets: pulumi.all([rootSecret.name, passwordSecret.name]),
    webConfig: webConfig.name,
    dbRootPassword: rootPassword,
    dbPassword: password,
    publishMode: mode,
    replicas: WEB_REPLICAS,
  };
}
