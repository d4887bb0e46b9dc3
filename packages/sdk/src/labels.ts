/** Label keys carried by every Docker object, Swarm object and Kubernetes namespace. */
export const LABEL = {
  lab: "dev.labctl.lab",
  student: "dev.labctl.student",
  class: "dev.labctl.class",
  version: "dev.labctl.version",
} as const;

/** Labels the docker engine adds for its own bookkeeping, next to the environment's labels. */
export const BOOKKEEPING = {
  spec: "dev.labctl.spec",
  resource: "dev.labctl.resource",
  type: "dev.labctl.type",
} as const;

/** The label prefix; `gc` and teardown find strays by it. */
export const LABEL_PREFIX = "dev.labctl.";

export const DEFAULT_CLASS = "default";

export interface EnvironmentKey {
  lab: string;
  student: string;
  classId: string;
}

export function labelsFor(env: EnvironmentKey, version: string): Record<string, string> {
  return {
    [LABEL.lab]: env.lab,
    [LABEL.student]: env.student,
    [LABEL.class]: env.classId,
    [LABEL.version]: version,
  };
}

/** Labels that select one environment's objects (version left out: an upgrade must still find them). */
export function selectorFor(env: EnvironmentKey): Record<string, string> {
  return { [LABEL.lab]: env.lab, [LABEL.student]: env.student, [LABEL.class]: env.classId };
}
