import type Dockerode from "dockerode";
import { listAll } from "../engine/docker/docker-objects";
import { removalOf, teardown } from "../engine/docker/teardown";
import type { ResourceChange } from "../engine/types";
import { readRecord } from "../environment/environment-record";
import type { LabctlHome } from "../home/labctl-home";
import { LABEL, selectorFor } from "../naming/labels";

export interface GcGroup {
  lab: string;
  student: string;
  classId: string;
  /** true when labctl has no record of this environment (its state is lost or it was removed). */
  stray: boolean;
  objects: ResourceChange[];
}

export interface GcResult {
  dryRun: boolean;
  groups: GcGroup[];
  removed: ResourceChange[];
}

/**
 * Finds every Docker object carrying labctl labels, grouped by environment, and removes the
 * strays (no record in this labctl home), or every environment with `all`. Works from labels
 * alone, so it cleans up after lost state, crashed runs and other machines' homes.
 */
export async function gc(
  home: LabctlHome,
  docker: Dockerode,
  opts: { all?: boolean; dryRun?: boolean; lab?: string } = {},
): Promise<GcResult> {
  const labelled = (await listAll(docker, {})).filter((o) => o.labels[LABEL.lab] !== undefined);
  const groups = new Map<string, GcGroup>();
  for (const object of labelled) {
    const lab = object.labels[LABEL.lab] as string;
    const student = object.labels[LABEL.student] ?? "";
    const classId = object.labels[LABEL.class] ?? "";
    if (opts.lab && lab !== opts.lab) continue;
    const key = `${classId}/${lab}/${student}`;
    const group = groups.get(key) ?? {
      lab,
      student,
      classId,
      stray: readRecord(home, classId, lab, student) === undefined,
      objects: [],
    };
    group.objects.push(removalOf(object));
    groups.set(key, group);
  }
  const targets = [...groups.values()].filter((g) => opts.all || g.stray);
  const removed: ResourceChange[] = [];
  if (!opts.dryRun) {
    for (const g of targets) removed.push(...(await teardown(docker, selectorFor(g))));
  }
  return { dryRun: opts.dryRun ?? false, groups: [...groups.values()], removed };
}
