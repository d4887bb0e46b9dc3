import { dbVariables } from "./db-variables";
import { mariadbNotPublished } from "./mariadb-not-published";
import { mariadbRunning } from "./mariadb-running";
import { volumes } from "./volumes";
import { wordpressDb } from "./wordpress-db";
import { wordpressHttp } from "./wordpress-http";
import { wordpressInstall } from "./wordpress-install";

/** In the order a student would debug: database up, WordPress up, the two talking, then isolation and data. */
export const checks = [
  mariadbRunning,
  wordpressHttp,
  wordpressDb,
  dbVariables,
  mariadbNotPublished,
  volumes,
  wordpressInstall,
];
