import {
  type DownSummary,
  down,
  humanReport,
  type UpSummary,
  up,
  type VerifyReport,
  verify,
} from "@labctl/core";
import * as Args from "@oclif/core/args";
import { engineFlag, environmentFlags } from "../base-command";
import { EnvironmentCommand } from "../environment-command";
import { checkOutputFile } from "../output-paths";
import { probeClients, VERIFY_EXIT, verifyFlags, writeVerifyArtifacts } from "../verify-output";

export interface SmokeResult {
  up: UpSummary;
  report: VerifyReport;
  down?: DownSummary;
}

export default class Smoke extends EnvironmentCommand {
  static override summary = "Up, verify and down one lab in one go (the nightly job; a lab author's check).";
  static override description =
    "The environment is always torn down, even when up or verify fails. " +
    "Exit code as for verify; 2 when up fails.";
  static override examples = ["<%= config.bin %> smoke tp03 --student nightly --junit junit.xml"];
  static override args = { lab: Args.string({ description: "lab id (see `labctl labs`)", required: true }) };
  static override flags = { ...environmentFlags, engine: engineFlag, ...verifyFlags };

  async run(): Promise<SmokeResult> {
    const { args, flags } = await this.parse(Smoke);
    checkOutputFile("--junit", flags.junit);
    checkOutputFile("--markdown", flags.markdown);
    const target = this.target(args.lab, flags);
    const engine = this.engine(target);
    const docker = this.docker(target);
    try {
      const upSummary = await this.withProgress((opts) =>
        up(target.home, engine, target.spec, { ...opts, docker }),
      );
      const report = await this.withProgress(({ signal }) =>
        verify(engine, target.spec, probeClients(docker), {
          deep: flags.deep,
          checkTimeoutMs: flags.timeout * 1000,
          signal,
        }),
      );
      if (!this.jsonEnabled()) this.log(humanReport(report));
      writeVerifyArtifacts([report], flags);
      process.exitCode = VERIFY_EXIT[report.status];
      return { up: upSummary, report };
    } finally {
      const summary = await this.withProgress((opts) =>
        down(target.home, engine, target.spec, { ...opts, docker }),
      );
      if (!this.jsonEnabled())
        this.logToStderr(`${summary.lab} is down (${summary.removed.length} objects removed).`);
    }
  }
}
