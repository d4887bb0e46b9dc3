import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { ExitCode, LabctlError } from "@labctl/sdk";
import { csvRosterRows } from "./csv-roster";
import { decodeRoster } from "./decode-roster";
import { RosterError } from "./roster-error";
import { type KnownIds, rosterStudents } from "./roster-students";
import type { Roster, RosterFormat } from "./roster-types";
import { yamlRosterRows } from "./yaml-roster";

export const rosterFormatOf = (file: string): RosterFormat =>
  [".yaml", ".yml", ".json"].includes(extname(file).toLowerCase()) ? "yaml" : "csv";

/**
 * A roster from bytes: CSV (generic `id,name,email` or an LMS export `First name,Last name,
 * Email address`; comma, semicolon or tab) or YAML. Throws one RosterError listing every problem.
 */
export function parseRoster(
  bytes: Uint8Array,
  opts: { source: string; format: RosterFormat; known?: KnownIds },
): Roster {
  const decoded = decodeRoster(bytes);
  const read = opts.format === "yaml" ? yamlRosterRows(decoded.text) : csvRosterRows(decoded.text);
  const problems = [...decoded.problems, ...read.problems];
  // Rows were not read when the header is unusable: "no students" would only add noise.
  const headerBroken = read.rows.length === 0 && read.problems.length > 0;
  const { students, problems: studentProblems } = rosterStudents(read.rows, opts.known);
  if (!headerBroken) problems.push(...studentProblems);
  if (problems.length > 0) throw new RosterError(opts.source, problems);
  return { source: opts.source, format: opts.format, students };
}

/** Reads and parses a roster file; a missing file exits 66, a bad one 65. */
export function readRoster(file: string, known?: KnownIds): Roster {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new LabctlError(
      `Cannot read the roster ${file}: ${(e as Error).message}.`,
      "Check the path given to --roster.",
      ExitCode.missingInput,
      "ROSTER_UNREADABLE",
    );
  }
  return parseRoster(bytes, { source: file, format: rosterFormatOf(file), known });
}
