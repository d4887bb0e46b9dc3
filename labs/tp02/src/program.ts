import { dockerLabels, MARIADB_HEALTHCHECK, type ProgramContext, publishedUrl } from "@labctl/sdk";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import type { Tp02Outputs } from "./outputs";
import { DATABASE, DB_DATA_DIR, NGINX_PORT, NGINX_ROOT } from "./topology";
import { prepareWebRoot } from "./web-root";

type ProgramOutputs = { [K in keyof Tp02Outputs]: pulumi.Input<Tp02Outputs[K]> };

/**
 * Volumes: MariaDB keeps its data directory on a named volume (it outlives the container), and
 * nginx serves a host directory through a read-only bind mount (edits on the host show at once).
 */
export default function program(ctx: ProgramContext): ProgramOutputs {
  if (!ctx.dataDir) {
    throw new Error("tp02 bind-mounts a host directory, but this labctl gives programs no dataDir");
  }
  const labels = dockerLabels(ctx);
  const rootPassword = ctx.secret("mariadbRootPassword");
  const image = (role: string) =>
    new docker.RemoteImage(`${role}-image`, { name: ctx.image(role), keepLocally: true });

  const volume = new docker.Volume("db-data", { name: ctx.name("db-data"), labels });
  const db = new docker.Container(
    "db",
    {
      name: ctx.name("db"),
      image: image("db").imageId,
      envs: [pulumi.interpolate`MARIADB_ROOT_PASSWORD=${rootPassword}`, `MARIADB_DATABASE=${DATABASE}`],
      volumes: [{ volumeName: volume.name, containerPath: DB_DATA_DIR }],
      healthcheck: MARIADB_HEALTHCHECK,
      // First boot initialises the data directory: wait for healthy, generously.
      wait: true,
      waitTimeout: 300,
      restart: "unless-stopped",
      labels,
    },
    { deleteBeforeReplace: true },
  );

  const webRoot = prepareWebRoot(ctx.dataDir, ctx.student);
  const port = ctx.port("web");
  const web = new docker.Container(
    "web",
    {
      name: ctx.name("web"),
      image: image("web").imageId,
      ports: [{ internal: NGINX_PORT, external: port, ip: ctx.bindAddress, protocol: "tcp" }],
      volumes: [{ hostPath: webRoot, containerPath: NGINX_ROOT, readOnly: true }],
      restart: "unless-stopped",
      labels,
    },
    { deleteBeforeReplace: true },
  );

  return {
    webUrl: publishedUrl(ctx.bindAddress, port, "/"),
    webContainer: web.name,
    webRoot,
    dbContainer: db.name,
    volume: volume.name,
    database: DATABASE,
    rootPassword,
  };
}
