// The docker engine (EnginePackage, see @labctl/core's load-engine.ts). Core loads it lazily:
// running a program loads the Pulumi SDK, which a light command never pays for.
import { type EnginePackage, planEnvironment } from "@labctl/core";
import { createDockerEngine } from "./docker-engine";

export { createDockerEngine } from "./docker-engine";
export { checkProgram } from "./environment-run";
export { forgetEnvironment, loadEnvironment, outputsFile, saveEnvironment } from "./outputs-file";

export const createEngine: EnginePackage["createEngine"] = (opts) => createDockerEngine(opts);

/**
 * A class run: the one-environment engine, in this process. Each student's program runs in its
 * own Pulumi runtime (core's runProgram), so students run at once without worker processes; the
 * class runner bounds how many. The pre-flight's plan runs the program under mocks, no Docker.
 */
export const createClassEngine: EnginePackage["createClassEngine"] = ({ home, dockerHost }) => ({
  ...createDockerEngine({ home, dockerHost }),
  plan: (spec) => planEnvironment(spec),
});
