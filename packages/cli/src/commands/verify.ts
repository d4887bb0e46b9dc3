import {
  humanReport,
  listRecords,
  overallStatus,
  type VerifyReport,
  type VerifyStatus,
  verify,
} from "@labctl/core";
import { ExitCode } from "@labctl/sdk";
import * as Args from "@oclif/core/args";
import { engineFlag, environmentFlags } from "../base-command";
import { EnvironmentCommand } from "../environment-command";
import { checkOutputFile } from "../output-paths";
import { probeClients, VERIFY_EXIT, verifyFlags, writeVerifyArtifacts } from "../verify-output";

export interface VerifyResult {
  status: VerifyStatus;
  reports: VerifyReport[];
}

export default class Verify extends EnvironmentCommand {
  static override summary = "Run a lab's checks against a student's environment.";
  static override description =
    "Exit code 0 when every check passes, 1 when a check failed, 2 when the result is inconclusive. " +
    "Without a lab id, verifies every lab that is up for the student. In GitHub Actions the Markdown summary " +
    "is appended to the step summary.";
  static override examples = [
    "<%= config.bin %> verify tp03",
    "<%= config.bin %> verify tp03 --junit results.xml --json",
  ];
  static override args = {
    lab: Args.string({ description: "lab id (default: every lab that is up for the student)" }),
  };
  static override flags = {
    ...environmentFlags,
    engine: engineFlag,
    ...verifyFlags,
  };

  async run(): Promise<VerifyResult> {
    const { args, flags } = await this.parse(Verify);
    checkOutputFile("--junit", flags.junit);
    checkOutputFile("--markdown", flags.markdown);
    const labIds = args.lab ? [args.lab] : this.labsUp(flags.class, flags.student);
    const reports: VerifyReport[] = [];
    for (const labId of labIds) {
      const target = this.target(labId, flags);
      const engine = this.engine(target);
      const clients = probeClients(this.docker(target));
      const report = await this.withProgress(({ signal }) =>
        verify(engine, target.spec, clients, {
          deep: flags.deep,
          checkTimeoutMs: flags.timeout * 1000,
          signal,
        }),
      );
      reports.push(report);
      if (!this.jsonEnabled()) this.log(humanReport(report));
    }
    writeVerifyArtifacts(reports, flags);
    const status = overallStatus(reports);
    process.exitCode = VERIFY_EXIT[status];
    return { status, reports };
  }

  private labsUp(classId: string, studentFlag: string | undefined): string[] {
    const student = this.student(studentFlag);
    const id = this.classId(classId);
    const labs = listRecords(this.home())
      .filter((r) => r.classId === id && r.student === student.id)
      .map((r) => r.lab);
    if (labs.length === 0) {
      this.fail(
        `No lab is up for ${student.id}.`,
        "Give a lab id (`labctl verify tp03`) or run `labctl up <lab>` first.",
        ExitCode.usage,
      );
    }
    return labs;
  }
}
