import { ExitCode, LabctlError } from "@labctl/sdk";
import type { RosterProblem } from "./roster-types";

const describe = (p: RosterProblem) => (p.line === undefined ? p.message : `line ${p.line}: ${p.message}`);

/** Every problem of a roster in one message (exit 65): an instructor fixes the file once. */
export class RosterError extends LabctlError {
  constructor(
    readonly source: string,
    readonly problems: RosterProblem[],
  ) {
    const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    const count = sorted.length === 1 ? "1 problem" : `${sorted.length} problems`;
    super(
      `Roster ${source} has ${count}:\n${sorted.map((p) => `  ${describe(p)}`).join("\n")}`,
      "Fix the roster and run the command again; nothing was provisioned.",
      ExitCode.badInput,
      "BAD_ROSTER",
    );
    this.name = "RosterError";
  }
}
