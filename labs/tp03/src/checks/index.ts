import { dataVolume } from "./data-volume";
import { ghostHttp } from "./ghost-http";
import { ghostSchema } from "./ghost-schema";
import { mysqlNotPublished } from "./mysql-not-published";
import { mysqlRunning } from "./mysql-running";
import { networkDns } from "./network-dns";

/** In the order a student would debug: database up, Ghost up, Ghost using it, then isolation. */
export const checks = [mysqlRunning, ghostHttp, ghostSchema, mysqlNotPublished, networkDns, dataVolume];
