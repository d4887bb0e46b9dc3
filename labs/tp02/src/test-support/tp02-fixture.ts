import type { ContainerView, ExecResult } from "@labctl/sdk";
import { checkRunner, containerView, type FakeCheckContextOptions, volumeView } from "@labctl/testing";
import type { Tp02Outputs } from "../outputs";
import { webPage } from "../web-root";

/** A healthy tp02 environment for alice, as the fake check context serves it. */
export const OUTPUTS: Tp02Outputs = {
  webUrl: "http://127.0.0.1:18200/",
  webContainer: "tp02-alice-web",
  webRoot: "/home/alice/.labctl/envs/default/tp02/alice/data/www",
  dbContainer: "tp02-alice-db",
  volume: "tp02-alice-db-data",
  database: "tp02",
  rootPassword: "root-Secret-1",
};

export const dbView = (over: Parameters<typeof containerView>[0] = {}): ContainerView =>
  containerView({
    name: OUTPUTS.dbContainer,
    state: { health: "healthy" },
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

export const webView = (over: Parameters<typeof containerView>[0] = {}): ContainerView =>
  containerView({
    name: OUTPUTS.webContainer,
    mounts: [{ type: "bind", source: OUTPUTS.webRoot, destination: "/usr/share/nginx/html" }],
    ports: [{ containerPort: 80, protocol: "tcp", hostIp: "127.0.0.1", hostPort: 18200 }],
    ...over,
  });

const ok = (stdout: string): ExecResult => ({ exitCode: 0, stdout, stderr: "" });
const sqlFail = (stderr: string): ExecResult => ({ exitCode: 1, stdout: "", stderr: `${stderr}\n` });

export const REPLICA = `${OUTPUTS.dbContainer}-replica`;

/**
 * A MariaDB that answers root with the generated password and keeps the marker table in memory.
 * Its replica (a copy of the container) sees that table only when the data is `persistent`.
 */
export class FakeMariadb {
  marker: string | undefined;
  replicas = 0;
  private replicaRunning = false;

  constructor(private readonly persistent = true) {}

  exec = (container: string, cmd: string[], opts?: { env?: string[] }): ExecResult => {
    const replica = container === REPLICA && this.replicaRunning;
    if (!(container === OUTPUTS.dbContainer || replica) || cmd[0] !== "mariadb") {
      return sqlFail(`${cmd[0]}: not found`);
    }
    const user = cmd[cmd.indexOf("-u") + 1];
    if (user !== "root" || !opts?.env?.includes(`MYSQL_PWD=${OUTPUTS.rootPassword}`)) {
      return sqlFail(
        `ERROR 1045 (28000): Access denied for user '${user}'@'127.0.0.1' (using password: YES)`,
      );
    }
    const sql = cmd[cmd.indexOf("-e") + 1] ?? "";
    if (sql.startsWith("SELECT CURRENT_USER()")) return ok("root@%\ttp02\n");
    const written = /REPLACE INTO labctl_marker \(id, token\) VALUES \(1, '([^']+)'\)/.exec(sql);
    if (written) {
      this.marker = written[1];
      return ok("");
    }
    if (sql.startsWith("SELECT token FROM labctl_marker")) {
      const marker = replica && !this.persistent ? undefined : this.marker;
      if (marker === undefined)
        return sqlFail("ERROR 1146 (42S02): Table 'tp02.labctl_marker' doesn't exist");
      return ok(`${marker}\n`);
    }
    return sqlFail(`ERROR 1064 (42000): unexpected SQL in the fake: ${sql}`);
  };

  withReplica = async <T>(container: string, use: (replica: string) => Promise<T>): Promise<T> => {
    if (container !== OUTPUTS.dbContainer) throw new Error(`no such container: ${container}`);
    this.replicas++;
    this.replicaRunning = true;
    try {
      return await use(REPLICA);
    } finally {
      this.replicaRunning = false;
    }
  };
}

export const alicePage = webPage({ id: "alice", name: "Alice" }, OUTPUTS.webRoot);

export function healthyEnv(db = new FakeMariadb()): FakeCheckContextOptions<Tp02Outputs> {
  return {
    lab: "tp02",
    studentId: "alice",
    outputs: { ...OUTPUTS },
    containers: [dbView(), webView()],
    volumes: [volumeView({ name: OUTPUTS.volume })],
    exec: db.exec,
    withReplica: db.withReplica,
    http: () => ({ status: 200, headers: { "content-type": "text/html" }, body: alicePage }),
  };
}

/** Runs a check against the healthy environment with some tables replaced. */
export const runCheck = checkRunner(healthyEnv);
