import {
  type ClassEngine,
  type ClassRunResult,
  classIdFor,
  type EngineName,
  ExitCode,
  knownStudentIds,
  type LabctlConfig,
  type LabctlHome,
  openClassEngine,
  type Roster,
  readClassRun,
  readRoster,
  type StudentProgress,
  type StudentSelection,
} from "@labctl/core";
import type { Lab } from "@labctl/sdk";
import { Flags } from "@oclif/core";
import { engineFlag, LabctlCommand } from "./base-command";
import { findLab } from "./catalog";
import { classProgress } from "./class-progress";
import { abortOnInterrupt } from "./interrupt";

export const rosterFlags = {
  roster: Flags.string({
    char: "r",
    required: true,
    description:
      "roster file: CSV (id,name,email or an LMS export First name,Last name,Email address) or YAML",
  }),
  class: Flags.string({ description: "class id (default: the roster file's name as a slug)" }),
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

export interface ClassTarget {
  home: LabctlHome;
  config: LabctlConfig;
  lab: Lab;
  classId: string;
  roster: Roster;
  engineName: EngineName;
}

/** Base of `class up|verify|down|status|report`: lab, roster (exit 65 when bad), class id, engine. */
export abstract class ClassCommand extends LabctlCommand {
  protected classTarget(
    labId: string,
    flags: { roster: string; class?: string; engine?: EngineName },
  ): ClassTarget {
    const lab = findLab(labId);
    const home = this.home();
    const config = this.labctlConfig(home);
    const classId = classIdFor(flags.roster, flags.class);
    const roster = readRoster(flags.roster, knownStudentIds(home, classId));
    const recorded = readClassRun(home, classId, lab.id)?.engine as EngineName | undefined;
    return { home, config, lab, classId, roster, engineName: flags.engine ?? recorded ?? config.engine };
  }

  protected selection(flags: { only?: string[]; "retry-failed"?: boolean }): StudentSelection {
    return { only: flags.only?.map((id) => id.trim()).filter(Boolean), retryFailed: flags["retry-failed"] };
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
    const engine = openClassEngine(target.engineName, target.home, { concurrency });
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
      await engine.close?.();
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
