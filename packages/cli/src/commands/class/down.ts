import { type ClassDownResult, classDown } from "@labctl/core";
import { Args } from "@oclif/core";
import { ClassCommand, classRunFlags } from "../../class-command";

export default class ClassDown extends ClassCommand {
  static override summary = "Tear down a lab's environment for every student of a roster.";
  static override description =
    "Exit 0 when every environment is gone, 2 otherwise (--retry-failed redoes the rest).";
  static override examples = ["<%= config.bin %> class down tp03 --roster devops-2026.csv"];
  static override args = { lab: Args.string({ description: "lab id (see `labctl labs`)", required: true }) };
  static override flags = classRunFlags;

  async run(): Promise<ClassDownResult> {
    const { args, flags } = await this.parse(ClassDown);
    const target = this.classTarget(args.lab, flags);
    const result = await this.withClassRun(target, flags.concurrency, (run) =>
      classDown({ ...target, ...run, concurrency: flags.concurrency, selection: this.selection(flags) }),
    );
    this.logRunSummary(result, "down");
    this.exitForRun(result);
    return result;
  }
}
