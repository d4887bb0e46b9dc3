import { dockerLabels, MARIADB_HEALTHCHECK, type ProgramContext, publishedUrl } from "@labctl/sdk";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import type { Tp05Outputs } from "./outputs";
import { ALIAS, CONTENT_DIR, DB_DATA_DIR, WORDPRESS_DB, WORDPRESS_PORT } from "./topology";

type ProgramOutputs = { [K in keyof Tp05Outputs]: pulumi.Input<Tp05Outputs[K]> };

/**
 * WordPress + MariaDB with the course's variables on a user-defined bridge network: MariaDB
 * keeps its data on a named volume and is reachable only from the network (alias "mariadb");
 * WordPress keeps wp-content on another volume, is published on the student's port, and starts
 * once MariaDB reports healthy.
 */
export default function program(ctx: ProgramContext): ProgramOutputs {
  const labels = dockerLabels(ctx);
  const rootPassword = ctx.secret("mariadbRootPassword");
  const password = ctx.secret("wordpressDbPassword");

  const network = new docker.Network("network", { name: ctx.name("net"), driver: "bridge", labels });
  const dbVolume = new docker.Volume("db-data", { name: ctx.name("db-data"), labels });
  const contentVolume = new docker.Volume("wp-content", { name: ctx.name("wp-content"), labels });
  const image = (role: string) =>
    new docker.RemoteImage(`${role}-image`, { name: ctx.image(role), keepLocally: true });

  const mariadb = new docker.Container(
    "mariadb",
    {
      name: ctx.name("mariadb"),
      image: image("mariadb").imageId,
      envs: [
        pulumi.interpolate`MYSQL_ROOT_PASSWORD=${rootPassword}`,
        `MYSQL_DATABASE=${WORDPRESS_DB.database}`,
        `MYSQL_USER=${WORDPRESS_DB.user}`,
        pulumi.interpolate`MYSQL_PASSWORD=${password}`,
      ],
      volumes: [{ volumeName: dbVolume.name, containerPath: DB_DATA_DIR }],
      networksAdvanced: [{ name: network.name, aliases: [ALIAS.mariadb] }],
      healthcheck: MARIADB_HEALTHCHECK,
      // First boot initialises the data directory: wait for healthy, generously.
      wait: true,
      waitTimeout: 300,
      restart: "unless-stopped",
      labels,
    },
    { deleteBeforeReplace: true },
  );

  const port = ctx.port("wordpress");
  // WordPress records the address it is installed from as its site URL: the checks use this one.
  const url = publishedUrl(ctx.bindAddress, port);
  const wordpress = new docker.Container(
    "wordpress",
    {
      name: ctx.name("wordpress"),
      image: image("wordpress").imageId,
      envs: [
        `WORDPRESS_DB_HOST=${ALIAS.mariadb}`,
        `WORDPRESS_DB_USER=${WORDPRESS_DB.user}`,
        pulumi.interpolate`WORDPRESS_DB_PASSWORD=${password}`,
        `WORDPRESS_DB_NAME=${WORDPRESS_DB.database}`,
      ],
      volumes: [{ volumeName: contentVolume.name, containerPath: CONTENT_DIR }],
      ports: [{ internal: WORDPRESS_PORT, external: port, ip: ctx.bindAddress, protocol: "tcp" }],
      networksAdvanced: [{ name: network.name, aliases: [ALIAS.wordpress] }],
      restart: "unless-stopped",
      labels,
    },
    { dependsOn: [mariadb], deleteBeforeReplace: true },
  );

  return {
    wordpressUrl: url,
    wordpressContainer: wordpress.name,
    mariadbContainer: mariadb.name,
    network: network.name,
    dbVolume: dbVolume.name,
    contentVolume: contentVolume.name,
    database: WORDPRESS_DB.database,
    dbUser: WORDPRESS_DB.user,
    dbPassword: password,
    dbRootPassword: rootPassword,
    adminUser: ctx.student.id,
    adminPassword: ctx.secret("wordpressAdminPassword"),
    adminEmail: `${ctx.student.id}@example.com`,
  };
}
