import type {
  EngineRunOptions,
  KubernetesTarget,
  Lab,
  LabOutputs,
  ResourceChange,
  Student,
  SwarmPublishing,
} from "@labctl/sdk";
import type { LabctlHome } from "../home/labctl-home";

export type { EngineEvent, EngineRunOptions, ResourceAction, ResourceChange } from "@labctl/sdk";

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
  /** Swarm labs: the publishing mode the platform's infra package chose (recorded by `up`). */
  swarm?: SwarmPublishing;
  /** Kubernetes labs: the cluster to deploy to (a kind cluster's kubeconfig, or the shared one). */
  kubernetes?: KubernetesTarget;
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
 * Each engine package builds its own (EnginePackage.createClassEngine); tests pass fakes.
 */
export interface ClassEngine extends Engine {
  /** Once before fan-out (the Pulumi engine installs the lab's plugins here, not per student). */
  prepare?(labs: Lab[], opts?: EngineRunOptions): Promise<void>;
  /** The objects an environment's program declares, computed without creating anything (pre-flight). */
  plan?(spec: EnvironmentSpec): Promise<PlannedObject[]>;
}

/**
 * What an engine package (`@labctl/engine-<name>`) exports. Core loads it by name
 * (load-engine.ts) and knows it only through this interface: engines depend on core, never the
 * reverse.
 */
export interface EnginePackage {
  /** One environment at a time (up, verify, down). */
  createEngine(opts: { home: LabctlHome; dockerHost?: string }): Engine;
  /** A class run's fan-out: at most `concurrency` environments at once. */
  createClassEngine(opts: { home: LabctlHome; concurrency: number; dockerHost?: string }): ClassEngine;
}

/** An operation a killed run left pending in an engine's state (the Pulumi engine has them). */
export interface PendingOperation {
  /** Pulumi's operation kind: creating, updating, deleting, reading, importing. */
  operation: string;
  type: string;
  name: string;
}
