import type { ContainerView, ExecResult, HttpResponse } from "@labctl/sdk";
import {
  checkRunner,
  containerView,
  type FakeCheckContextOptions,
  networkView,
  volumeView,
} from "@labctl/testing";
import type { Tp05Outputs } from "../outputs";

/** A healthy tp05 environment for alice, as the fake check context serves it. */
export const OUTPUTS: Tp05Outputs = {
  wordpressUrl: "http://127.0.0.1:18250",
  wordpressContainer: "tp05-alice-wordpress",
  mariadbContainer: "tp05-alice-mariadb",
  network: "tp05-alice-net",
  dbVolume: "tp05-alice-db-data",
  contentVolume: "tp05-alice-wp-content",
  database: "wordpress",
  dbUser: "wordpress",
  dbPassword: "wp-Secret-2",
  dbRootPassword: "root-Secret-1",
  adminUser: "alice",
  adminPassword: "admin-Secret-3",
  adminEmail: "alice@example.com",
};

const on = (alias: string, ip: string) => ({
  [OUTPUTS.network]: { aliases: [alias, "0123456789ab"], ipAddress: ip },
});
const volumeMount = (name: string, destination: string) => ({
  type: "volume",
  name,
  source: `/var/lib/docker/volumes/${name}/_data`,
  destination,
});

export const mariadbView = (over: Parameters<typeof containerView>[0] = {}): ContainerView =>
  containerView({
    name: OUTPUTS.mariadbContainer,
    state: { health: "healthy" },
    env: {
      MYSQL_ROOT_PASSWORD: OUTPUTS.dbRootPassword,
      MYSQL_DATABASE: "wordpress",
      MYSQL_USER: "wordpress",
      MYSQL_PASSWORD: OUTPUTS.dbPassword,
    },
    networks: on("mariadb", "172.21.0.2"),
    mounts: [volumeMount(OUTPUTS.dbVolume, "/var/lib/mysql")],
    ...over,
  });

export const wordpressView = (over: Parameters<typeof containerView>[0] = {}): ContainerView =>
  containerView({
    name: OUTPUTS.wordpressContainer,
    env: {
      WORDPRESS_DB_HOST: "mariadb",
      WORDPRESS_DB_USER: "wordpress",
      WORDPRESS_DB_PASSWORD: OUTPUTS.dbPassword,
      WORDPRESS_DB_NAME: "wordpress",
    },
    networks: on("wordpress", "172.21.0.3"),
    mounts: [
      {
        type: "volume",
        name: "5e1f",
        source: "/var/lib/docker/volumes/5e1f/_data",
        destination: "/var/www/html",
      },
      volumeMount(OUTPUTS.contentVolume, "/var/www/html/wp-content"),
    ],
    ports: [{ containerPort: 80, protocol: "tcp", hostIp: "127.0.0.1", hostPort: 18250 }],
    ...over,
  });

export const html = (status: number, body: string, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { "content-type": "text/html; charset=UTF-8", ...headers },
  body,
});

/** The installation page, as WordPress 6 renders it before installation. */
export const INSTALL_PAGE = `<!DOCTYPE html><html><head><title>WordPress &rsaquo; Installation</title>
<link rel='stylesheet' href='http://127.0.0.1:18250/wp-admin/css/install.min.css' /></head>
<body class="wp-core-ui"><p id="logo">WordPress</p><h1>Welcome</h1>
<form id="setup" method="post" action="install.php?step=2" novalidate="novalidate"></form></body></html>`;

/** WordPress's answer when it cannot reach its database. */
export const DB_ERROR_PAGE = `<!DOCTYPE html><html><head><title>Database Error</title></head>
<body id="error-page"><div class="wp-die-message"><h1>Error establishing a database connection</h1></div></body></html>`;

/** A WordPress that is not installed yet: / redirects to install.php, which shows the form. */
export function freshWordPress(url: string): HttpResponse {
  const path = new URL(url).pathname;
  if (path === "/") return html(302, "", { location: `${OUTPUTS.wordpressUrl}/wp-admin/install.php` });
  if (path === "/wp-admin/install.php") return html(200, INSTALL_PAGE);
  return html(404, "<h1>Not Found</h1>");
}

export function healthyEnv(): FakeCheckContextOptions<Tp05Outputs> {
  return {
    lab: "tp05",
    outputs: { ...OUTPUTS },
    containers: [mariadbView(), wordpressView()],
    networks: [
      networkView({
        name: OUTPUTS.network,
        containers: [OUTPUTS.mariadbContainer, OUTPUTS.wordpressContainer],
      }),
    ],
    volumes: [volumeView({ name: OUTPUTS.dbVolume }), volumeView({ name: OUTPUTS.contentVolume })],
    http: freshWordPress,
    exec: (): ExecResult => ({ exitCode: 127, stdout: "", stderr: "exec not expected" }),
  };
}

/** Runs a check against the healthy environment with some tables replaced. */
export const runCheck = checkRunner(healthyEnv);
