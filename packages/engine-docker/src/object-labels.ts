import type { EnvironmentSpec } from "@labctl/core";
import { BOOKKEEPING, LABEL, selectorFor } from "@labctl/sdk";
import { specHash } from "./spec-hash";

// Defined with the other label keys so the probes can read them without importing the engine.
export { BOOKKEEPING } from "@labctl/sdk";

/** The labels that select one environment's objects, from the spec itself (never trust the program). */
export function environmentSelector(spec: EnvironmentSpec): Record<string, string> {
  return selectorFor({ lab: spec.lab.id, student: spec.student.id, classId: spec.classId });
}

export interface ResourceIdentity {
  /** Pulumi logical name. */
  name: string;
  /** Pulumi type token. */
  type: string;
}

/**
 * Labels of one Docker object: what the program asked for, then the environment's labels (added
 * even when the program forgot them, and winning over a wrong value so teardown finds the object),
 * then the bookkeeping.
 */
export function objectLabels(
  spec: EnvironmentSpec,
  input: Record<string, string>,
  resource: ResourceIdentity,
  hash: string,
): Record<string, string> {
  return {
    ...input,
    ...spec.labels,
    ...environmentSelector(spec),
    [BOOKKEEPING.resource]: resource.name,
    [BOOKKEEPING.type]: resource.type,
    [BOOKKEEPING.spec]: hash,
  };
}

/**
 * The spec hash of a resource's resolved inputs. The labctl version label is left out so that
 * upgrading labctl does not replace every object; `extra` carries facts outside the inputs
 * (the image id a container runs, a build context's digest).
 */
export function inputsHash(type: string, inputs: unknown, extra?: unknown): string {
  return specHash({ type, inputs: dropVersionLabels(inputs), extra });
}

function dropVersionLabels(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.filter((item) => !(item && item.label === LABEL.version)).map(dropVersionLabels);
  }
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, dropVersionLabels(field)]));
}
