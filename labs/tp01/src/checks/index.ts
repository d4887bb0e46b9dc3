import { engineReachable } from "./engine-reachable";
import { helloCompleted } from "./hello-completed";
import { webPage } from "./web-page";
import { webRunning } from "./web-running";

/** In the order a student meets them: the engine, the web server, its page, then hello-world. */
export const checks = [engineReachable, webRunning, webPage, helloCompleted];
