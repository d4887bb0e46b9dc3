import type { ProgramContext } from "./program-context";

/** One label as `@pulumi/docker` takes it on containers, networks, volumes and services. */
export interface DockerLabel {
  label: string;
  value: string;
}

/**
 * The environment's labctl labels in `@pulumi/docker`'s list shape: pass the result as
 * `labels` to every Docker object a program declares, so teardown and `gc` find it.
 */
export function dockerLabels(ctx: Pick<ProgramContext, "labels">): DockerLabel[] {
  return Object.entries(ctx.labels).map(([label, value]) => ({ label, value }));
}
