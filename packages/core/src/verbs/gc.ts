import { listAll, removalOf, teardown } from "@labctl/docker";
import { LABEL, selectorFor } from "@labctl/sdk";
import type Dockerode from "dockerode";
import type { ResourceChange } from "../engine/types";
import { readRecord } from "../environment/environment-record";
import { isLabctlError } from "../errors";
import type { LabctlHome } from "../home/labctl-home";
import { isValidId } from "../naming/valid-id";
import { environmentLocked } from "../state/environment-lock";

export interface GcGroup {
  lab: string;
  student: string;
  classId: string;
  /** true when labctl has no record of this environment (its state is lost or it was removed). */
  stray: boolean;
  /**
   * Set when the environment's record exists but cannot be read (the STATE_CORRUPT message,
   * naming the file): such an environment is never removed, not even with `all`.
   */
  unreadable?: string;
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
 * alone, so it cleans up after lost state, crashed runs and other machines' homes. What it
 * cannot read it leaves alone: a corrupt record may belong to a live environment.
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
      ...recordState(home, classId, lab, student),
      objects: [],
    };
    group.objects.push(removalOf(object));
    groups.set(key, group);
  }
  // A first `up` still running has no record yet: its objects are not strays.
  for (const g of groups.values())
    if (g.stray && isValidIds(g) && (await environmentLocked(home, g))) g.stray = false;
  const targets = [...groups.values()].filter((g) => g.unreadable === undefined && (opts.all || g.stray));
  const removed: ResourceChange[] = [];
  if (!opts.dryRun) {
    for (const g of targets) removed.push(...(await teardown(docker, selectorFor(g))));
  }
  return { dryRun: opts.dryRun ?? false, groups: [...groups.values()], removed };
}

const isValidIds = (g: { classId: string; lab: string; student: string }) =>
  [g.classId, g.lab, g.student].every(isValidId);

/** Whether this home has a record of the environment; ids no labctl home can hold are strays. */
function recordState(
  home: LabctlHome,
  classId: string,
  lab: string,
  student: string,
): { stray: boolean; unreadable?: string } {
  if (!isValidIds({ classId, lab, student })) return { stray: true };
  try {
    return { stray: readRecord(home, classId, lab, student) === undefined };
  } catch (error) {
    if (!isLabctlError(error)) throw error;
    return { stray: false, unreadable: error.message };
  }
}
