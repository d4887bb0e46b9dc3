import type {
  ContainerView,
  ExecResult,
  HttpRequest,
  HttpResponse,
  RunOptions,
  RunResult,
  ServiceView,
  SwarmConfigView,
  TaskView,
} from "@labctl/sdk";
import {
  checkRunner,
  containerView,
  type FakeCheckContextOptions,
  serviceView,
  swarmView,
  taskView,
} from "@labctl/testing";
import { webServerBlock } from "../nginx-configs";
import type { Tp07Outputs } from "../outputs";

/** A healthy tp07 environment for alice, shaped like the Engine API answers it. */
export const OUTPUTS: Tp07Outputs = {
  url: "http://127.0.0.1:47700/",
  host: "alice.tp07.localhost",
  services: { ingress: "tp07-alice-ingress", web: "tp07-alice-web", db: "tp07-alice-db" },
  networks: { front: "tp07-alice-front", back: "tp07-alice-back" },
  dbSecrets: ["tp07-alice-db-root-password", "tp07-alice-db-password"],
  webConfig: "tp07-alice-web-conf",
  dbRootPassword: "root-Secret-1",
  dbPassword: "db-Secret-2",
  publishMode: "host",
  replicas: 3,
};
const LABELS = { "dev.labctl.lab": "tp07", "dev.labctl.student": "alice" };
export const DB_IMAGE = "labctl-standin/mariadb:11.4";
export const DB_ADDRESS = "10.0.3.4";

/** A task template as Swarm returns it in `Spec.TaskTemplate` (and, copied, in each task's `Spec`). */
export function webTaskSpec(config = OUTPUTS.webConfig, configId = "cfgweb000001") {
  return {
    ContainerSpec: {
      Image: "labctl-standin/nginx:1.27-alpine",
      Labels: LABELS,
      Configs: [
        {
          File: { Name: "/etc/nginx/conf.d/default.conf", UID: "0", GID: "0", Mode: 292 },
          ConfigID: configId,
          ConfigName: config,
        },
      ],
      Isolation: "default",
    },
    Resources: { Limits: {}, Reservations: {} },
    RestartPolicy: { Condition: "any", Delay: 5_000_000_000, MaxAttempts: 0 },
    Placement: {},
    Networks: [{ Target: "frontnet0001" }],
    ForceUpdate: 0,
    Runtime: "container",
  };
}

export function webService(config = OUTPUTS.webConfig, configId = "cfgweb000001"): ServiceView {
  return serviceView({
    id: "websvc000001",
    name: OUTPUTS.services.web,
    labels: LABELS,
    version: 31,
    image: "labctl-standin/nginx:1.27-alpine",
    replicas: 3,
    taskSpec: webTaskSpec(config, configId),
    configs: [{ id: configId, name: config, target: "/etc/nginx/conf.d/default.conf" }],
    networks: ["frontnet0001"],
    endpointMode: "dnsrr",
    update: { state: "completed", message: "update completed" },
  });
}

/** web's task in `slot`; its container's host name (the id's first 12 characters) names it in answers. */
export const webTask = (service: ServiceView, slot: number, over: Partial<TaskView> = {}): TaskView =>
  taskView(service, {
    id: `webtask${slot}`,
    slot,
    containerId: `c0ffee00000${slot}${"0".repeat(52)}`,
    addresses: { [OUTPUTS.networks.front]: [`10.0.2.${10 + slot}`] },
    ...over,
  });

export const hostnameOf = (task: TaskView) => (task.containerId ?? "").slice(0, 12);

const dbEnv = {
  MARIADB_ROOT_PASSWORD_FILE: `/run/secrets/${OUTPUTS.dbSecrets[0]}`,
  MARIADB_PASSWORD_FILE: `/run/secrets/${OUTPUTS.dbSecrets[1]}`,
  MARIADB_USER: "tp07",
  MARIADB_DATABASE: "tp07",
};

export function dbService(over: Partial<ServiceView> = {}): ServiceView {
  const env = Object.entries(dbEnv).map(([k, v]) => `${k}=${v}`);
  const secrets = OUTPUTS.dbSecrets.map((name, i) => ({ id: `secret00000${i}`, name, target: name }));
  const spec = {
    Name: OUTPUTS.services.db,
    Labels: LABELS,
    TaskTemplate: {
      ContainerSpec: {
        Image: DB_IMAGE,
        Env: env,
        Secrets: secrets.map((s) => ({
          File: { Name: s.target, UID: "0", GID: "0", Mode: 292 },
          SecretID: s.id,
          SecretName: s.name,
        })),
      },
      Networks: [{ Target: "backnet00001" }],
    },
    Mode: { Replicated: { Replicas: 1 } },
    EndpointSpec: { Mode: "dnsrr" },
  };
  return serviceView({
    id: "dbsvc0000001",
    name: OUTPUTS.services.db,
    image: DB_IMAGE,
    taskSpec: spec.TaskTemplate,
    env: dbEnv,
    secrets,
    networks: ["backnet00001"],
    endpointMode: "dnsrr",
    inspect: JSON.stringify({ ID: "dbsvc0000001", Version: { Index: 40 }, Spec: spec }, null, 2),
    ...over,
  });
}

export const DB_CONTAINER = "tp07-alice-db.1.dbtask1";
export const dbContainer = (over: Parameters<typeof containerView>[0] = {}): ContainerView =>
  containerView({
    id: "dbcontainer1",
    name: DB_CONTAINER,
    image: DB_IMAGE,
    env: dbEnv,
    labels: LABELS,
    ...over,
  });

export const dbTask = (service = dbService(), over: Partial<TaskView> = {}): TaskView =>
  taskView(service, {
    id: "dbtask1",
    containerId: "dbcontainer1",
    addresses: { [OUTPUTS.networks.back]: [DB_ADDRESS] },
    ...over,
  });

/** `ls -1 /run/secrets` in the db container. */
export const lsSecrets =
  (files: string[] = OUTPUTS.dbSecrets) =>
  (_container: string, cmd: string[]): ExecResult =>
    cmd.join(" ") === "ls -1 /run/secrets"
      ? { exitCode: 0, stdout: files.map((f) => `${f}\n`).join(""), stderr: "" }
      : { exitCode: 127, stdout: "", stderr: `unexpected exec: ${cmd.join(" ")}` };

/** bash's own words for each outcome, as the probe script prints them ("<target> rc=<n> <stderr>"). */
export const BASH_SAYS = {
  connected: "rc=0 J....5.5.5-10.11.6-MariaDB-0+deb12u1.",
  silent: "rc=0 ",
  "timed out": "rc=124 ",
  refused: "rc=1 bash: line 1: connect: Connection refused",
  unresolved: "rc=1 bash: line 1: tp07-alice-db: Name or service not known",
  unreachable: "rc=1 bash: line 1: connect: No route to host",
} as const;

/** The probe container: on `back` everything connects; on `front`, the name does not resolve and the address is silent. */
export function isolatedNetworks(
  outcome: (network: string, target: string) => keyof typeof BASH_SAYS = (network, target) =>
    network === OUTPUTS.networks.back
      ? "connected"
      : target.startsWith(DB_ADDRESS)
        ? "timed out"
        : "unresolved",
) {
  const calls: { image: string; opts: RunOptions }[] = [];
  const run = (image: string, opts: RunOptions): RunResult => {
    calls.push({ image, opts });
    const targets = (opts.cmd ?? []).slice(4);
    const logs = targets.map((t) => `${t} ${BASH_SAYS[outcome(opts.network ?? "none", t)]}\n`).join("");
    return { exitCode: 0, logs, timedOut: false };
  };
  return { run, calls };
}

/** The ingress: the student's host goes round robin over web's running tasks; any other host gets nginx's 404. */
export function ingress(tasks: () => TaskView[], marker = () => "") {
  let turn = 0;
  return (_url: string, req?: HttpRequest): HttpResponse => {
    if (req?.headers?.host !== OUTPUTS.host) {
      return {
        status: 404,
        headers: { server: "nginx" },
        body: "<html><center><h1>404 Not Found</h1></center></html>",
      };
    }
    const up = tasks().filter((t) => t.state === "running" && t.desiredState === "running");
    if (up.length === 0) return { status: 502, headers: {}, body: "<h1>502 Bad Gateway</h1>" };
    const task = up[turn++ % up.length] as TaskView;
    const mark = marker();
    return { status: 200, headers: {}, body: `${mark ? `${mark} ` : ""}served by ${hostnameOf(task)}\n` };
  };
}

export const webConfigView = (): SwarmConfigView => ({
  id: "cfgweb000001",
  name: OUTPUTS.webConfig,
  labels: LABELS,
  data: webServerBlock(),
});

export function healthyEnv(): FakeCheckContextOptions<Tp07Outputs> {
  const web = webService();
  const webTasks = [1, 2, 3].map((slot) => webTask(web, slot));
  const db = dbService();
  return {
    lab: "tp07",
    outputs: structuredClone(OUTPUTS),
    labels: LABELS,
    swarm: swarmView({ nodeId: "node1" }),
    services: [web, db],
    tasks: { [web.name]: webTasks, [db.name]: [dbTask(db)] },
    configs: [webConfigView()],
    containers: [dbContainer()],
    exec: lsSecrets(),
    http: ingress(() => webTasks),
    run: isolatedNetworks().run,
  };
}

/** Runs a check against the healthy environment with some tables replaced. */
export const runCheck = checkRunner(healthyEnv);
