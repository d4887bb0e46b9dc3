// The Pulumi engine (EnginePackage, see @labctl/core's load-engine.ts). Core and the CLI load it
// lazily (it pulls in the Pulumi SDK): never re-export it from another package's index.
import { type EnginePackage, type EnvironmentSpec, planEnvironment } from "@labctl/core";
import type { EngineRunOptions } from "@labctl/sdk";
import { createPulumiEngine, type PulumiEngineOptions, type RepairResult } from "./pulumi-engine";

export { automationDriver } from "./automation-driver";
export type * from "./driver";
export { PLATFORM_PLUGINS, pluginsFor } from "./plugins";
export {
  createPulumiEngine,
  type PulumiEngine,
  type PulumiEngineOptions,
  type RepairResult,
} from "./pulumi-engine";
export { PULUMI_VERSION } from "./version";

/** `labctl repair`: releases a stale lock, clears pending operations and refreshes one environment. */
export function repairEnvironment(
  spec: EnvironmentSpec,
  opts: PulumiEngineOptions & EngineRunOptions,
): Promise<RepairResult> {
  const { signal, onEvent, ...engineOptions } = opts;
  return createPulumiEngine(engineOptions).repair(spec, { signal, onEvent });
}

export const createEngine: EnginePackage["createEngine"] = ({ home }) => createPulumiEngine({ home });

/**
 * A class run: the Automation API runs inline programs in parallel in this process, one workDir
 * per stack, plugins installed once before fan-out. The pre-flight's plan runs the program under
 * mocks in this process (core's planEnvironment): no Docker, no Pulumi CLI.
 */
export const createClassEngine: EnginePackage["createClassEngine"] = ({ home }) => {
  const engine = createPulumiEngine({ home });
  return {
    ...engine,
    prepare: (labs, opts) => engine.ensurePlugins(labs, opts),
    plan: (spec) => planEnvironment(spec),
  };
};
export { workDirFor } from "./stack-args";
