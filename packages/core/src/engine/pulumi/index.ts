// The Pulumi engine. The CLI loads it lazily (it pulls in the Pulumi SDK): never re-export it
// from a package index.
import type { EngineRunOptions, EnvironmentSpec } from "../types";
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
export type { PendingOperation } from "./repair";
export { PULUMI_VERSION } from "./version";

/** `labctl repair`: releases a stale lock, clears pending operations and refreshes one environment. */
export function repairEnvironment(
  spec: EnvironmentSpec,
  opts: PulumiEngineOptions & EngineRunOptions,
): Promise<RepairResult> {
  const { signal, onEvent, ...engineOptions } = opts;
  return createPulumiEngine(engineOptions).repair(spec, { signal, onEvent });
}
