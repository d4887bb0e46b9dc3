import type { Lab } from "@labctl/sdk";
import type { Engine, EngineRunOptions, EnvironmentSpec } from "../engine/types";

/** A Docker object a lab's program declares on the environment's own engine. */
export interface PlannedObject {
  kind: "container" | "network" | "volume";
  name: string;
  /** Networks: the driver (bridge when unset) and explicit subnets, if any. */
  driver?: string;
  subnets?: string[];
}

/**
 * An engine as a class run uses it: the one-environment Engine, plus what a fan-out needs.
 * `openClassEngine` builds one (worker processes for the docker engine, plugins installed
 * once for the Pulumi engine); tests pass fakes.
 */
export interface ClassEngine extends Engine {
  /** Once before fan-out (the Pulumi engine installs the lab's plugins here, not per student). */
  prepare?(labs: Lab[], opts?: EngineRunOptions): Promise<void>;
  /** The objects an environment's program declares, computed without creating anything (pre-flight). */
  plan?(spec: EnvironmentSpec): Promise<PlannedObject[]>;
  /** Stops worker processes. */
  close?(): Promise<void>;
}
