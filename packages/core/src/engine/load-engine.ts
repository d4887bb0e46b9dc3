import type { LabctlHome } from "../home/labctl-home";
import type { ClassEngine, Engine, EngineName, EnginePackage } from "./types";

/** The package that implements each engine (the CLI depends on both; core on neither). */
export const ENGINE_PACKAGES: Readonly<Record<EngineName, string>> = {
  docker: "@labctl/engine-docker",
  pulumi: "@labctl/engine-pulumi",
};

/**
 * An engine package, loaded on first use: each pulls in the Pulumi SDK and a Docker client,
 * which `labctl labs`, `--help` or `verify` of a docker lab must never pay for. (require, not
 * import(): our output is CommonJS and jest runs it as such.)
 */
function enginePackage(name: EngineName): EnginePackage {
  return require(ENGINE_PACKAGES[name]) as EnginePackage;
}

/**
 * The engine for one environment. `dockerHost` is the host in force (config.dockerHost): the
 * docker engine's pre-flight pings it; the Pulumi engine gets it through each spec.
 */
export function loadEngine(name: EngineName, home: LabctlHome, opts: { dockerHost?: string } = {}): Engine {
  return enginePackage(name).createEngine({ home, dockerHost: opts.dockerHost });
}

/** The engine a class run fans out with, at most `concurrency` environments at once. */
export function loadClassEngine(
  name: EngineName,
  home: LabctlHome,
  opts: { concurrency: number; dockerHost?: string },
): ClassEngine {
  return enginePackage(name).createClassEngine({ home, ...opts, concurrency: Math.max(1, opts.concurrency) });
}
