/** Fixed facts of the tp07 environment, shared by the program, the checks and the tests. */

/** How many tasks `web` runs. */
export const WEB_REPLICAS = 3;

/** Port nginx listens on inside the web and ingress tasks. */
export const HTTP_PORT = 80;

/** Port MariaDB listens on inside the db task (reachable over `back` only). */
export const DB_PORT = 3306;

/** Where Swarm mounts a service's secrets in its task containers. */
export const SECRETS_DIR = "/run/secrets";

/** Where the nginx images read their server blocks: the program's Swarm configs land there. */
export const NGINX_CONF = "/etc/nginx/conf.d/default.conf";

/** Docker's embedded DNS server, present in every container on a user-defined (overlay) network. */
export const DOCKER_DNS = "127.0.0.11";

/** Database and application user MariaDB creates on first boot. */
export const DB_ACCOUNT = { database: "tp07", user: "tp07" } as const;

/** The Host header the ingress routes to `web`: one name per student, resolving to loopback. */
export const studentHost = (studentId: string): string => `${studentId}.tp07.localhost`;

/** The prefix of web's answer; the rest names the task container that served the request. */
export const SERVED_BY = "served by ";

/**
 * The label `docker stack deploy` puts on what it creates: with it, `docker stack ls`,
 * `docker stack services` and `docker stack ps` show a student's objects as one stack.
 */
export const STACK_LABEL = "com.docker.stack.namespace";
