// The docker engine (EnginePackage, see @labctl/core's load-engine.ts). Core and the CLI load it
// lazily: running a program loads the Pulumi SDK, which a light command never pays for.
import type { EnginePackage } from "@labctl/core";
import { createDockerEngine } from "./docker-engine";
import { pooledDockerEngine } from "./workers/pooled-docker-engine";

export { createDockerEngine } from "./docker-engine";
export { forgetEnvironment, loadEnvironment, outputsFile, saveEnvironment } from "./outputs-file";
export { pooledDockerEngine } from "./workers/pooled-docker-engine";

export const createEngine: EnginePackage["createEngine"] = (opts) => createDockerEngine(opts);

/** A class run: `concurrency` worker processes (Pulumi's mock runtime is process-global). */
export const createClassEngine: EnginePackage["createClassEngine"] = ({ concurrency, ...opts }) =>
  pooledDockerEngine({ ...opts, size: concurrency });
