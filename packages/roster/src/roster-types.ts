import type { Student } from "@labctl/sdk";

/** One student as a roster file gives it, before ids are assigned. */
export interface RosterRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  /** An explicit id, when the roster has an id column and the cell is filled. */
  id?: string;
  name: string;
  email?: string;
}

/** One thing wrong with a roster, at a line when it has one. */
export interface RosterProblem {
  line?: number;
  message: string;
}

export type RosterFormat = "csv" | "yaml";

/** A valid roster: students with stable, unique, DNS-safe ids, in file order. */
export interface Roster {
  /** Where it came from (a path), for messages. */
  source: string;
  format: RosterFormat;
  students: Student[];
}

/** Rows read from a file, with the problems found while reading them. */
export interface RosterRows {
  rows: RosterRow[];
  problems: RosterProblem[];
}
