import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type ClassVerifyResult, classReport, classVerify, dockerIsolationProbe } from "@labctl/class";
import { dockerodeProbe, fetchHttpProbe, type VerifyStatus } from "@labctl/core";
import { dockerClient } from "@labctl/docker";
import { ExitCode } from "@labctl/sdk";
import * as Args from "@oclif/core/args";
import * as Flags from "@oclif/core/flags";
import { ClassCommand, classRunFlags } from "../../class-command";
import { blameFlag, checkOutputDir } from "../../output-paths";

const EXIT: Record<VerifyStatus, number> = {
  pass: ExitCode.ok,
  fail: ExitCode.checksFailed,
  error: ExitCode.infrastructure,
};

export interface ClassVerifyCommandResult extends ClassVerifyResult {
  /** The report directory written after the run. */
  reportDir: string;
}

export default class ClassVerify extends ClassCommand {
  static override summary = "Run a lab's checks for every student of a roster, then write the class report.";
  static override description =
    "Each student's checks run --concurrency students at a time, alongside a class-level isolation check (a " +
    "container of each student must not reach another student's). The report (grid and per-student sheets) is " +
    "written to --out. Exit 0 when everything passes, 1 when a check failed, 2 when a result is inconclusive.";
  static override examples = [
    "<%= config.bin %> class verify tp01 --roster devops-2026.csv",
    "<%= config.bin %> class verify tp03 --roster devops-2026.csv --retry-failed --out report/",
  ];
  static override args = { lab: Args.string({ description: "lab id (see `labctl labs`)", required: true }) };
  static override flags = {
    ...classRunFlags,
    timeout: Flags.integer({ description: "seconds each check may wait for readiness", default: 60, min: 1 }),
    deep: Flags.boolean({ description: "also run the opt-in deep checks (they may change environments)" }),
    out: Flags.string({ description: "report directory (default: ~/.labctl/classes/<class>/<lab>/report)" }),
  };

  async run(): Promise<ClassVerifyCommandResult> {
    const { args, flags } = await this.parse(ClassVerify);
    const selection = this.selection(flags);
    checkOutputDir("--out", flags.out);
    const target = this.classTarget(args.lab, flags);
    const docker = dockerClient(target.config.dockerHost);
    const { result, report } = await this.withClassRun(target, flags.concurrency, async (run) => {
      const result = await classVerify({
        ...target,
        ...run,
        concurrency: flags.concurrency,
        selection,
        clients: { docker: dockerodeProbe(docker), http: fetchHttpProbe },
        isolation: dockerIsolationProbe(docker),
        checks: { checkTimeoutMs: flags.timeout * 1000, deep: flags.deep },
      });
      const report = await classReport({
        ...target,
        engine: run.engine,
        concurrency: flags.concurrency,
        outDir: flags.out,
      }).catch((error: unknown) => {
        throw blameFlag(error, "--out", flags.out);
      });
      return { result, report };
    });
    this.logRunSummary(result, "verify");
    if (process.env.GITHUB_STEP_SUMMARY)
      appendFileSync(process.env.GITHUB_STEP_SUMMARY, readFileSync(join(report.dir, "grid.md"), "utf8"));
    if (!this.jsonEnabled()) {
      const t = report.grid.totals;
      this.log(`${t.passed}/${t.students} students pass every check. Report: ${join(report.dir, "grid.md")}`);
    }
    process.exitCode = result.interrupted ? ExitCode.infrastructure : EXIT[result.status];
    return { ...result, reportDir: report.dir };
  }
}
