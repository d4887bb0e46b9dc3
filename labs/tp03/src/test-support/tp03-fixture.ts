import type { ContainerView, ExecResult } from "@labctl/sdk";
import {
  checkRunner,
  containerView,
  type FakeCheckContextOptions,
  networkView,
  volumeView,
} from "@labctl/testing";
import type { Tp03Outputs } from "../outputs";

/** A healthy tp03 environment for alice, as the fake check context serves it. */
export const OUTPUTS: Tp03Outputs = {
  ghostUrl: "http://127.0.0.1:18230",
  ghostContainer: "tp03-alice-ghost",
  mysqlContainer: "tp03-alice-mysql",
  network: "tp03-alice-net",
  volume: "tp03-alice-mysql-data",
  database: "ghost",
  mysqlUser: "ghost",
  mysqlPassword: "ghost-Secret-2",
  mysqlRootPassword: "root-Secret-1",
};

export const IP = { mysql: "172.20.0.2", ghost: "172.20.0.3" };

const on = (alias: keyof typeof IP) => ({
  [OUTPUTS.network]: { aliases: [alias, "0123456789ab"], ipAddress: IP[alias] },
});

export const mysqlView = (over: Parameters<typeof containerView>[0] = {}): ContainerView =>
  containerView({
    name: OUTPUTS.mysqlContainer,
    state: { health: "healthy" },
    networks: on("mysql"),
    mounts: [
      {
        type: "volume",
        name: OUTPUTS.volume,
        source: `/var/lib/docker/volumes/${OUTPUTS.volume}/_data`,
        destination: "/var/lib/mysql",
      },
    ],
    ...over,
  });

export const ghostView = (over: Parameters<typeof containerView>[0] = {}): ContainerView =>
  containerView({
    name: OUTPUTS.ghostContainer,
    networks: on("ghost"),
    ports: [{ containerPort: 2368, protocol: "tcp", hostIp: "127.0.0.1", hostPort: 18230 }],
    ...over,
  });

const ok = (stdout: string): ExecResult => ({ exitCode: 0, stdout, stderr: "" });

/** Answers like the real containers: MySQL only to the generated credentials, DNS on the network. */
export function healthyExec(container: string, cmd: string[], opts?: { env?: string[] }): ExecResult {
  if (container === OUTPUTS.mysqlContainer && cmd[0] === "mysql") {
    const user = cmd[cmd.indexOf("-u") + 1];
    if (user !== OUTPUTS.mysqlUser || !opts?.env?.includes(`MYSQL_PWD=${OUTPUTS.mysqlPassword}`)) {
      const stderr = `ERROR 1045 (28000): Access denied for user '${user}'@'localhost' (using password: YES)\n`;
      return { exitCode: 1, stdout: "", stderr };
    }
    return ok("posts\nsettings\nusers\n");
  }
  if (container === OUTPUTS.ghostContainer && cmd[0] === "node") return ok(`${IP.mysql}\n`);
  if (container === OUTPUTS.mysqlContainer && cmd.join(" ") === "getent hosts ghost")
    return ok(`${IP.ghost}    ghost\n`);
  return { exitCode: 127, stdout: "", stderr: `${cmd[0]}: not found` };
}

export function healthyEnv(): FakeCheckContextOptions<Tp03Outputs> {
  return {
    lab: "tp03",
    outputs: { ...OUTPUTS },
    containers: [mysqlView(), ghostView()],
    networks: [
      networkView({ name: OUTPUTS.network, containers: [OUTPUTS.mysqlContainer, OUTPUTS.ghostContainer] }),
    ],
    volumes: [volumeView({ name: OUTPUTS.volume })],
    exec: healthyExec,
    http: () => ({ status: 200, headers: { "content-type": "text/html" }, body: "<title>Ghost</title>" }),
  };
}

/** Runs a check against the healthy environment with some tables replaced. */
export const runCheck = checkRunner(healthyEnv);
