import { MAX_SLUG_LENGTH, slugify, uniqueSlugs } from "@labctl/core";
import type { Student } from "@labctl/sdk";
import type { RosterProblem, RosterRow } from "./roster-types";

/** Ids given to students of a class before, by identity key: they stay when the roster changes. */
export type KnownIds = Record<string, string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What identifies a student across roster versions: the email, else the name. */
export const identityKey = (row: Pick<RosterRow, "email" | "name">) =>
  row.email ? `email:${row.email.toLowerCase()}` : `name:${row.name}`;

/**
 * What a generated id is made from: the name, or, when it has no Latin letter to slug
 * (李 小龙, Мария, محمد), the email's local part without a +tag; neither gives `student`, `student-2`…
 */
function idSource(row: Pick<RosterRow, "email" | "name">): string {
  if (/[a-z]/.test(slugify(row.name))) return row.name;
  return row.email?.split("@")[0]?.split("+")[0] ?? "";
}

/** A given id as a slug, or what is wrong with it. */
function givenId(raw: string): { id: string } | { problem: string } {
  const id = slugify(raw, Number.POSITIVE_INFINITY);
  if (!id) return { problem: `id "${raw}" has no letter or digit` };
  if (id.length > MAX_SLUG_LENGTH)
    return { problem: `id "${raw}" is longer than ${MAX_SLUG_LENGTH} characters` };
  return { id };
}

/**
 * Students from roster rows. Explicit ids are slugged and must be unique; a student seen
 * before (same email, else same name) keeps the id it had; the others get a slug of their
 * name, collisions suffixed in file order. Every problem is returned, none thrown.
 */
export function rosterStudents(
  rows: RosterRow[],
  known: KnownIds = {},
): { students: Student[]; problems: RosterProblem[] } {
  const problems: RosterProblem[] = [];
  const problem = (line: number, message: string) => problems.push({ line, message });
  if (rows.length === 0) problems.push({ message: "no students: the roster has no rows after its header" });
  const ids = new Map<RosterRow, string>();
  const firstLineOfId = new Map<string, number>();
  const firstLineOfEmail = new Map<string, number>();
  for (const row of rows) {
    if (!row.name) problem(row.line, "no name");
    if (row.email !== undefined) {
      const email = row.email.toLowerCase();
      const first = firstLineOfEmail.get(email);
      if (!EMAIL.test(row.email)) problem(row.line, `"${row.email}" is not an email address`);
      if (first !== undefined) problem(row.line, `duplicate email ${row.email} (also on line ${first})`);
      else firstLineOfEmail.set(email, row.line);
    }
    if (row.id === undefined) continue;
    const given = givenId(row.id);
    if ("problem" in given) {
      problem(row.line, given.problem);
      continue;
    }
    const first = firstLineOfId.get(given.id);
    if (first !== undefined) problem(row.line, `duplicate id ${given.id} (also on line ${first})`);
    else firstLineOfId.set(given.id, row.line);
    ids.set(row, given.id);
  }
  const taken = new Set(ids.values());
  for (const row of rows) {
    const previous = known[identityKey(row)];
    if (ids.has(row) || previous === undefined || taken.has(previous)) continue;
    ids.set(row, previous);
    taken.add(previous);
  }
  const fresh = rows.filter((row) => !ids.has(row));
  const slugs = uniqueSlugs(fresh.map(idSource), MAX_SLUG_LENGTH, taken);
  for (const [n, row] of fresh.entries()) ids.set(row, slugs[n] as string);
  const students = rows.map((row) => ({
    id: ids.get(row) as string,
    name: row.name,
    ...(row.email !== undefined && { email: row.email }),
  }));
  return { students, problems };
}
