import {
  type ClassRunResult,
  type ClassVerb,
  classIdFor,
  type OpenedClass,
  openClass,
  readClassRun,
  type StudentProgress,
  type StudentSelection,
  selectStudents,
} from "@labctl/class";
import type { ClassEngine, EngineName } from "@labctl/core";
import { ExitCode, LabctlError } from "@labctl/sdk";
import * as Flags from "@oclif/core/flags";
import { dockerHostFlag, engineFlag, LabctlCommand } from "./base-command";
import { findLab } from "./catalog";
import { classProgress } from "./class-progress";
import { checkInputFile } from "./input-paths";
import { abortOnInterrupt } from "./interrupt";

export const rosterFlags = {
  roster: Flags.string({
    char: "r",
    required: true,
    description:
      "roster file: CSV (id,name,email or an LMS export First name,Last name,Email address) or YAML",
  }),
  class: Flags.string({ description: "class id (default: the roster file's name as a slug)" }),
  ...dockerHostFlag,
};

/** Flags of the class commands that run something for each student. */
export const classRunFlags = {
  ...rosterFlags,
  engine: engineFlag,
  concurrency: Flags.integer({
    char: "c",
    description: "students worked on at once",
    default: 4,
    min: 1,
    max: 64,
  }),
  only: Flags.string({
    description: "only these student ids (comma-separated)",
    multiple: true,
    delimiter: ",",
  }),
  "retry-failed": Flags.boolean({
    description: "only the students whose last run of this command did not succeed",
  }),
};

/** One opened class: home, config, lab, class id, roster, engine name, and the engine on demand. */
export type ClassTarget = OpenedClass;

/** Base of `class up|verify|down|status|report`: lab, roster (exit 65 when bad), class id, engine. */
export abstract class ClassCommand extends LabctlCommand {
  protected classTarget(
    labId: string,
    flags: { roster: string; class?: string; engine?: EngineName; "docker-host"?: string },
  ): ClassTarget {
    const lab = findLab(labId);
    const classId = classIdFor(flags.roster, flags.class);
    checkInputFile("--roster", flags.roster, "roster");
    return openClass({
      lab,
      rosterFile: flags.roster,
      classId,
      engine: flags.engine,
      dockerHost: flags["docker-host"],
      home: () => this.home(),
    });
  }

  /**
   * `--only` and `--retry-failed`, checked before anything else runs: an `--only` with no id in it
   * (`--only ""`, `--only ,,`: an unset shell variable) is a usage error, never "the whole class".
   */
  protected selection(flags: { only?: string[]; "retry-failed"?: boolean }): StudentSelection {
    const only = flags.only?.map((id) => id.trim()).filter(Boolean);
    if (flags.only !== undefined && only?.length === 0) {
      throw new LabctlError(
        "--only was given no student id.",
        "Give it roster ids (--only alice,bob), or leave --only out to work on the whole class; check the shell variable you passed.",
        ExitCode.usage,
        "EMPTY_ONLY",
      );
    }
    return { only, retryFailed: flags["retry-failed"] };
  }

  /** How many students a selection covers, for the confirmation of destructive verbs. */
  protected selectedCount(target: ClassTarget, selection: StudentSelection, verb: ClassVerb): number {
    return selectStudents(target.roster.students, selection, {
      verb,
      lab: target.lab.id,
      classId: target.classId,
      record: readClassRun(target.home, target.classId, target.lab.id),
    }).length;
  }

  /**
   * Runs a class verb with its engine open, the live table (or plain lines) on stderr, and
   * Ctrl-C turned into a graceful cancel: students in progress stop after their current step.
   */
  protected async withClassRun<T>(
    target: ClassTarget,
    concurrency: number,
    work: (opts: {
      engine: ClassEngine;
      signal: AbortSignal;
      onProgress: (p: StudentProgress) => void;
    }) => Promise<T>,
  ): Promise<T> {
    const engine = target.engine(concurrency);
    const view = classProgress({
      students: target.roster.students.map((s) => s.id),
      json: this.jsonEnabled(),
      stream: process.stderr,
    });
    const interrupt = abortOnInterrupt(() =>
      view.note("Cancelling: students in progress stop after their current step (Ctrl-C again to quit now)."),
    );
    try {
      return await work({ engine, signal: interrupt.signal, onProgress: view.update });
    } finally {
      view.stop();
      interrupt.dispose();
    }
  }

  /** up and down: 0 when every student succeeded, 2 otherwise (DESIGN §7). */
  protected exitForRun(result: ClassRunResult<unknown>): void {
    const ok = result.counts.failed === 0 && result.counts.cancelled === 0;
    process.exitCode = ok ? ExitCode.ok : ExitCode.infrastructure;
  }

  /** The summary every run command prints: counts, then each student who did not succeed. */
  protected logRunSummary(result: ClassRunResult<unknown>, what: string): void {
    if (this.jsonEnabled()) return;
    const { counts } = result;
    const seconds = (result.durationMs / 1000).toFixed(1);
    const parts = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([state, n]) => `${n} ${state}`);
    this.log(
      `${result.lab} ${what} for class ${result.classId}: ${parts.join(", ") || "no students selected"} in ${seconds}s${result.interrupted ? " (interrupted)" : ""}.`,
    );
    const missed = result.students.filter((s) => s.state === "failed" || s.state === "cancelled");
    for (const s of missed) this.log(`  ${s.student.id}: ${s.state}: ${s.message.split("\n")[0]}`);
    if (missed.length > 0) this.log("Run the same command with --retry-failed to redo only these.");
  }
}
