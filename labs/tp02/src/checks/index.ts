import { dataVolume } from "./data-volume";
import { dbRunning } from "./db-running";
import { persistence } from "./persistence";
import { sqlAuth } from "./sql-auth";
import { webContent } from "./web-content";
import { webRootMount } from "./web-root-mount";

/** The database first (up, reachable, on its volume), then the web root, then the deep check. */
export const checks = [dbRunning, sqlAuth, dataVolume, webRootMount, webContent, persistence];
