import {
  endedByEngine,
  type ProbeClients,
  type RunChecksOptions,
  resolveEnvironment,
  type VerifyReport,
  type VerifyStatus,
  verify,
} from "@labctl/core";
import { ExitCode, LabctlError, type OutcomeError } from "@labctl/sdk";
import type { ClassOptions } from "./class-options";
import { classRunResult } from "./class-result";
import type { ClassRunResult } from "./class-types";
import { type ClassCheckResult, saveVerifyResults } from "./class-verify-store";
import { ISOLATION_CHECK, isolationCheck, isolationNotRun } from "./isolation/isolation-check";
import type { IsolationProbe } from "./isolation/isolation-probe";
import { runClassVerb } from "./run-class-verb";

/** Isolation probes in flight at once (each spends about a second waiting on dropped packets). */
const ISOLATION_PROBES_AT_ONCE = 16;

export interface ClassVerifyOptions extends ClassOptions {
  clients: ProbeClients;
  /** Runs the class-level isolation check; without it, only the lab's checks run. */
  isolation?: IsolationProbe;
  checks?: Omit<RunChecksOptions, "signal">;
}

export interface ClassVerifyResult extends ClassRunResult<VerifyReport> {
  /** pass: every student passed every check; fail: some check failed; error: inconclusive. */
  status: VerifyStatus;
  classChecks: ClassCheckResult[];
}

/** One line per student: the score and what did not pass. */
export function scoreLine(report: VerifyReport): string {
  const missed = report.checks.filter((c) => c.status === "fail" || c.status === "error").map((c) => c.id);
  return `${report.earned}/${report.total} points${missed.length > 0 ? `; not passing: ${missed.join(", ")}` : ""}`;
}

/** fail wins over error, error over pass; skipped class checks (nobody to probe) do not count. */
export function classVerifyStatus(statuses: string[]): VerifyStatus {
  if (statuses.includes("fail")) return "fail";
  if (statuses.includes("error")) return "error";
  return "pass";
}

/** A report the engine cut short is no result: thrown, so the student's previous one is kept. */
function engineVanished(report: VerifyReport): LabctlError {
  const cut = report.checks.find((c) => c.engineUnreachable);
  return new LabctlError(
    cut?.message ?? "Docker engine unreachable.",
    "Start the Docker engine (or fix DOCKER_HOST / dockerHost), then run `labctl class verify --retry-failed`; the student's previous result is kept until then.",
    ExitCode.infrastructure,
    "ENGINE_UNREACHABLE",
  );
}

/**
 * `class verify`: every selected student's checks with bounded concurrency and, alongside, the
 * class-level isolation check. Results are merged into verify.json for `class report`. The
 * engine is asked first: unreachable, the run throws (exit 2) before touching any stored result.
 */
export async function classVerify(opts: ClassVerifyOptions): Promise<ClassVerifyResult> {
  const { home, config, lab, classId, engine } = opts;
  let isolation: Promise<ClassCheckResult | undefined> = Promise.resolve(undefined);
  const run = await runClassVerb("verify", opts, {
    preflight: async (selected) => {
      await engine.preflight({ signal: opts.signal });
      // Started here, so it probes while the students' checks run; awaited after them.
      const probers = selected.map((s) => s.id);
      if (opts.isolation)
        isolation = isolationCheck(opts.isolation, {
          lab: lab.id,
          classId,
          students: probers,
          // A probe mostly waits out connect timeouts to other networks: run many at once.
          concurrency: Math.max(opts.concurrency, ISOLATION_PROBES_AT_ONCE),
        })
          .catch((error) => isolationNotRun(probers, error))
          .then((outcomes) => ({ ...ISOLATION_CHECK, outcomes }));
    },
    task: async (student, { signal }) => {
      const spec = resolveEnvironment(home, config, lab, student, classId);
      const report = await verify(engine, spec, opts.clients, { ...opts.checks, signal });
      if (endedByEngine(report)) throw engineVanished(report);
      return {
        state: report.status === "pass" ? "ok" : "failed",
        message: scoreLine(report),
        result: report,
      };
    },
  });
  const isolated = await isolation;
  const classChecks = isolated && !run.interrupted ? [isolated] : [];
  const reports: Record<string, VerifyReport> = {};
  const errors: Record<string, OutcomeError> = {};
  for (const o of run.outcomes) {
    if (o.result) reports[o.student.id] = o.result;
    else if (o.error) errors[o.student.id] = o.error;
  }
  saveVerifyResults(home, { classId, lab: lab.id }, { reports, errors, classChecks });
  const statuses = [
    ...run.outcomes.map((o) => o.result?.status ?? "error"),
    ...classChecks.flatMap((c) => Object.values(c.outcomes).map((o) => o.status)),
  ];
  return {
    ...classRunResult("verify", { lab: lab.id, classId, engine: engine.name, started: run.started }, run),
    status: run.interrupted ? "error" : classVerifyStatus(statuses),
    classChecks,
  };
}
