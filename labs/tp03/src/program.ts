import { dockerLabels, type ProgramContext, publishedUrl } from "@labctl/sdk";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import type { Tp03Outputs } from "./outputs";
import { ALIAS, GHOST_DB, GHOST_PORT, MYSQL_DATA_DIR } from "./topology";

type ProgramOutputs = { [K in keyof Tp03Outputs]: pulumi.Input<Tp03Outputs[K]> };

/**
 * Ghost + MySQL on a user-defined bridge network: MySQL keeps its data on a named volume and
 * is reachable only from the network (alias "mysql"); Ghost is published on the student's port
 * and starts once MySQL reports healthy.
 */
export default function program(ctx: ProgramContext): ProgramOutputs {
  const labels = dockerLabels(ctx);
  const rootPassword = ctx.secret("mysqlRootPassword");
  const password = ctx.secret("mysqlPassword");

  const network = new docker.Network("network", { name: ctx.name("net"), driver: "bridge", labels });
  const volume = new docker.Volume("mysql-data", { name: ctx.name("mysql-data"), labels });
  const image = (role: string) =>
    new docker.RemoteImage(`${role}-image`, { name: ctx.image(role), keepLocally: true });

  const mysql = new docker.Container(
    "mysql",
    {
      name: ctx.name("mysql"),
      image: image("mysql").imageId,
      envs: [
        pulumi.interpolate`MYSQL_ROOT_PASSWORD=${rootPassword}`,
        `MYSQL_DATABASE=${GHOST_DB.database}`,
        `MYSQL_USER=${GHOST_DB.user}`,
        pulumi.interpolate`MYSQL_PASSWORD=${password}`,
      ],
      volumes: [{ volumeName: volume.name, containerPath: MYSQL_DATA_DIR }],
      networksAdvanced: [{ name: network.name, aliases: [ALIAS.mysql] }],
      healthcheck: {
        // The shell expands the password inside the container, so it is neither stored in the
        // container's config nor visible in `ps`; TCP skips the socket-only server of first boot.
        tests: [
          "CMD-SHELL",
          'MYSQL_PWD="$MYSQL_ROOT_PASSWORD" mysqladmin ping -h 127.0.0.1 -u root --silent',
        ],
        interval: "5s",
        timeout: "5s",
        retries: 5,
        startPeriod: "180s",
      },
      // First boot initialises the data directory: wait for healthy, generously.
      wait: true,
      waitTimeout: 300,
      restart: "unless-stopped",
      labels,
    },
    { deleteBeforeReplace: true },
  );

  const port = ctx.port("ghost");
  const url = publishedUrl(ctx.bindAddress, port);
  const ghost = new docker.Container(
    "ghost",
    {
      name: ctx.name("ghost"),
      image: image("ghost").imageId,
      envs: [
        `url=${url}`,
        "database__client=mysql",
        `database__connection__host=${ALIAS.mysql}`,
        `database__connection__user=${GHOST_DB.user}`,
        pulumi.interpolate`database__connection__password=${password}`,
        `database__connection__database=${GHOST_DB.database}`,
      ],
      ports: [{ internal: GHOST_PORT, external: port, ip: ctx.bindAddress, protocol: "tcp" }],
      networksAdvanced: [{ name: network.name, aliases: [ALIAS.ghost] }],
      restart: "unless-stopped",
      labels,
    },
    { dependsOn: [mysql], deleteBeforeReplace: true },
  );

  return {
    ghostUrl: url,
    ghostContainer: ghost.name,
    mysqlContainer: mysql.name,
    network: network.name,
    volume: volume.name,
    database: GHOST_DB.database,
    mysqlUser: GHOST_DB.user,
    mysqlPassword: password,
    mysqlRootPassword: rootPassword,
  };
}
