import { type ClassReportResult, classReport } from "@labctl/class";
import * as Args from "@oclif/core/args";
import * as Flags from "@oclif/core/flags";
import { engineFlag } from "../../base-command";
import { ClassCommand, rosterFlags } from "../../class-command";
import { blameFlag, checkOutputDir } from "../../output-paths";

export default class ClassReport extends ClassCommand {
  static override summary =
    "Write the class report: a sheet per student (URLs, credentials) and the class grid.";
  static override description =
    "Sheets (Markdown and HTML) hold each student's URLs and generated credentials; the grid (Markdown, CSV, " +
    "JSON, JUnit) shows every student x check with points, from the last `class verify`. Files are private (0600).";
  static override examples = ["<%= config.bin %> class report tp03 --roster devops-2026.csv --out report/"];
  static override args = { lab: Args.string({ description: "lab id (see `labctl labs`)", required: true }) };
  static override flags = {
    ...rosterFlags,
    engine: engineFlag,
    out: Flags.string({ description: "report directory (default: ~/.labctl/classes/<class>/<lab>/report)" }),
  };

  async run(): Promise<ClassReportResult> {
    const { args, flags } = await this.parse(ClassReport);
    checkOutputDir("--out", flags.out);
    const target = this.classTarget(args.lab, flags);
    const report = await this.withClassRun(target, 4, ({ engine }) =>
      classReport({ ...target, engine, concurrency: 4, outDir: flags.out }).catch((error: unknown) => {
        throw blameFlag(error, "--out", flags.out);
      }),
    );
    if (!this.jsonEnabled()) {
      this.log(`Wrote ${report.files.length} files to ${report.dir}:`);
      this.log("  grid.md, grid.csv, grid.json, junit.xml, and students/<id>.md|.html (private: 0600)");
    }
    return report;
  }
}
