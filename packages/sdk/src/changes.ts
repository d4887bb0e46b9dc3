// What an engine operation reports, as changes and events: shared by the engines, the Docker
// access layer's teardown and the verbs that render them.

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
