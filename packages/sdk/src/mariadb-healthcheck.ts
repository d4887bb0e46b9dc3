/**
 * The MariaDB images' own readiness test (MariaDB 11 has no mysqladmin): `healthcheck.sh` logs in
 * with an account the image creates on first boot, so no password appears in the spec. First
 * boot initialises the data directory, hence the long start period. Fits a container's and a
 * Swarm service's healthcheck alike.
 */
export const MARIADB_HEALTHCHECK = {
  tests: ["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"],
  interval: "5s",
  timeout: "5s",
  retries: 5,
  startPeriod: "180s",
};
