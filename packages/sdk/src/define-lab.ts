import type { Lab, LabDefinition, LabOutputs } from "./lab";

const ID = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/**
 * Declares a lab. Validates what a typo would otherwise turn into a confusing runtime error:
 * ids, duplicate or dangling check references, and ports/secrets lists.
 */
export function defineLab<O extends LabOutputs>(def: LabDefinition<O>): Lab<O> {
  const problems: string[] = [];
  if (!ID.test(def.id)) problems.push(`lab id "${def.id}" must be lowercase letters, digits and dashes`);
  const ids = new Set<string>();
  for (const check of def.checks) {
    if (!ID.test(check.id)) problems.push(`check id "${check.id}" must be kebab-case`);
    if (ids.has(check.id)) problems.push(`check id "${check.id}" is used twice`);
    ids.add(check.id);
    if (!(check.points >= 0)) problems.push(`check "${check.id}" needs a non-negative number of points`);
  }
  for (const check of def.checks) {
    for (const need of check.needs ?? []) {
      if (!ids.has(need)) problems.push(`check "${check.id}" needs unknown check "${need}"`);
    }
  }
  const cycle = findCycle(def.checks);
  if (cycle) problems.push(`checks need each other in a cycle: ${cycle.join(" -> ")}`);
  for (const list of ["ports", "secrets"] as const) {
    if (new Set(def[list]).size !== def[list].length) problems.push(`${list} has duplicates`);
  }
  if (problems.length > 0) throw new Error(`Invalid lab ${def.id}: ${problems.join("; ")}`);
  const totalPoints = def.checks.reduce((sum, c) => sum + c.points, 0);
  return Object.freeze({ ...def, totalPoints });
}

/** Depth-first search for a `needs` cycle; returns its path when there is one. */
function findCycle(checks: { id: string; needs?: string[] }[]): string[] | undefined {
  const needs = new Map(checks.map((c) => [c.id, c.needs ?? []]));
  const done = new Set<string>();
  const visit = (id: string, path: string[]): string[] | undefined => {
    if (path.includes(id)) return [...path.slice(path.indexOf(id)), id];
    if (done.has(id)) return undefined;
    for (const next of needs.get(id) ?? []) {
      const found = visit(next, [...path, id]);
      if (found) return found;
    }
    done.add(id);
    return undefined;
  };
  for (const c of checks) {
    const found = visit(c.id, []);
    if (found) return found;
  }
  return undefined;
}
