import { slugify } from "@labctl/core";
import type { RosterProblem } from "./roster-types";

/** Header spellings we accept, after folding (lowercase, accents and punctuation removed). */
const ALIASES = {
  id: ["id", "slug"],
  name: ["name", "full name", "nom complet"],
  first: ["first name", "firstname", "given name", "prenom"],
  last: ["last name", "lastname", "surname", "family name", "nom", "nom de famille"],
  email: [
    "email",
    "e mail",
    "email address",
    "e mail address",
    "mail",
    "courriel",
    "adresse de courriel",
    "adresse email",
    "adresse e mail",
  ],
} as const;

export type Column = keyof typeof ALIASES;
/** Column -> index in a record. */
export type ColumnMap = Partial<Record<Column, number>>;

const fold = (header: string) => slugify(header, Number.POSITIVE_INFINITY).replace(/-/g, " ");

/** Which known column each header cell is; unknown headers (an LMS has many) are ignored. */
export function mapColumns(header: string[]): ColumnMap {
  const map: ColumnMap = {};
  header.forEach((cell, index) => {
    const folded = fold(cell);
    for (const [column, aliases] of Object.entries(ALIASES) as [Column, readonly string[]][]) {
      if (aliases.includes(folded) && map[column] === undefined) map[column] = index;
    }
  });
  return map;
}

/** True when the header names students one way or the other (used to pick a delimiter). */
export const namesStudents = (map: ColumnMap) =>
  map.name !== undefined || map.first !== undefined || map.last !== undefined;

/**
 * The header must be one of two shapes: generic `id,name,email` (name required, id and email
 * optional) or an LMS export `First name,Last name,Email address` (all three required).
 */
export function missingColumns(map: ColumnMap, header: string[], line: number): RosterProblem[] {
  if (map.name !== undefined) return [];
  if (map.first !== undefined || map.last !== undefined) {
    const missing = [
      map.first === undefined && "First name",
      map.last === undefined && "Last name",
      map.email === undefined && "Email address",
    ].filter((c): c is string => typeof c === "string");
    return missing.map((column) => ({
      line,
      message: `missing column "${column}" (an LMS export has First name, Last name, Email address)`,
    }));
  }
  const found = header.map((h) => `"${h}"`).join(", ") || "nothing";
  return [
    {
      line,
      message: `missing column "name": the header must be id,name,email (id and email optional) or First name,Last name,Email address; found ${found}`,
    },
  ];
}
