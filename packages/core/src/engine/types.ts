import type { Lab, LabOutputs, Student } from "@labctl/sdk";

/**
 * Everything an engine needs to build one environment (one lab for one student).
 * Core resolves it (image map, port block, generated secrets, labels) before any engine runs,
 * so both engines build the same thing from the same inputs.
 */
export interface EnvironmentSpec {
  lab: Lab;
  student: Student;
  classId: string;
  /** Role -> image reference after the image map. */
  images: Record<string, string>;
  /** Role -> host port. */
  ports: Record<string, number>;
  bindAddress: string;
  /** Secret name -> generated value (plain here; engines wrap them as Pulumi secrets). */
  secrets: Record<string, string>;
  labels: Record<string, string>;
  /** Docker engine host when not the default (unix socket, tcp://, ssh://). */
  dockerHost?: string;
  /** A host directory owned by this environment, for bind-mounted files (see ProgramContext.dataDir). */
  dataDir?: string;
}

export type ResourceAction = "create" | "update" | "replace" | "delete" | "same" | "read";

export type EngineEvent =
  | {
      kind: "resource";
      action: ResourceAction;
      type: string;
      name: string;
      phase: "start" | "done" | "failed";
      message?: string;
    }
  | { kind: "diagnostic"; severity: "info" | "warning" | "error"; message: string }
  | { kind: "step"; message: string };

export interface EngineRunOptions {
  /** Aborting cancels the operation gracefully (Ctrl-C). */
  signal?: AbortSignal;
  onEvent?: (event: EngineEvent) => void;
}

export interface ResourceChange {
  action: ResourceAction;
  type: string;
  name: string;
}

export interface UpResult {
  outputs: LabOutputs;
  changes: ResourceChange[];
}

export interface PreviewResult {
  changes: ResourceChange[];
}

export interface DownResult {
  /** Objects removed (by the engine or found by label afterwards). */
  removed: ResourceChange[];
}

export type EngineName = "pulumi" | "docker";

export interface Engine {
  readonly name: EngineName;
  /** Proves the engine can run here (CLI present, Docker reachable); throws LabctlError otherwise. */
  preflight(opts?: EngineRunOptions): Promise<void>;
  up(spec: EnvironmentSpec, opts?: EngineRunOptions): Promise<UpResult>;
  preview(spec: EnvironmentSpec, opts?: EngineRunOptions): Promise<PreviewResult>;
  down(spec: EnvironmentSpec, opts?: EngineRunOptions): Promise<DownResult>;
  /** The environment's outputs, secrets in clear; undefined when it does not exist. */
  outputs(spec: EnvironmentSpec): Promise<LabOutputs | undefined>;
}
