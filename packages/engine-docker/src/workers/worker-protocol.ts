import type { EnvironmentSpec, LabctlHome } from "@labctl/core";
import type { EngineEvent, OutcomeError } from "@labctl/sdk";

/** What a worker process can do for one environment. */
export type WorkerOp = "preflight" | "up" | "down" | "preview" | "outputs" | "plan";

/** An EnvironmentSpec as it crosses a process boundary: the Lab (functions) becomes a module to load. */
export type PortableSpec = Omit<EnvironmentSpec, "lab"> & { labId: string };

export interface WorkerJob {
  id: number;
  op: WorkerOp;
  home: LabctlHome;
  /** The Docker host in force, resolved by the parent: the engine's pre-flight pings it. */
  dockerHost: string;
  /** Absolute path of the lab package's entry, loaded in the worker (`@labctl/lab-<id>`); not for preflight. */
  labModule?: string;
  spec?: PortableSpec;
}

export type ParentMessage = { type: "job"; job: WorkerJob } | { type: "cancel"; id: number };

export type WorkerMessage =
  | { type: "event"; id: number; event: EngineEvent }
  | { type: "done"; id: number; result: unknown }
  | { type: "failed"; id: number; error: OutcomeError };

export function portableSpec(spec: EnvironmentSpec): PortableSpec {
  const { lab, ...rest } = spec;
  return { ...rest, labId: lab.id };
}
