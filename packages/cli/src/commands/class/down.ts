import { type ClassDownResult, classDown } from "@labctl/class";
import * as Args from "@oclif/core/args";
import { type Declined, yesFlag } from "../../base-command";
import { ClassCommand, classRunFlags } from "../../class-command";
import { confirmDestructive } from "../../confirm";

export default class ClassDown extends ClassCommand {
  static override summary = "Tear down a lab's environment for every student of a roster.";
  static override description =
    "Asks first on a terminal; without one it needs --yes. " +
    "Exit 0 when every environment is gone, 2 otherwise (--retry-failed redoes the rest).";
  static override examples = [
    "<%= config.bin %> class down tp03 --roster devops-2026.csv",
    "<%= config.bin %> class down tp03 --roster devops-2026.csv --only ann,bob --yes",
  ];
  static override args = { lab: Args.string({ description: "lab id (see `labctl labs`)", required: true }) };
  static override flags = { ...classRunFlags, ...yesFlag };

  async run(): Promise<ClassDownResult | Declined> {
    const { args, flags } = await this.parse(ClassDown);
    const selection = this.selection(flags);
    const target = this.classTarget(args.lab, flags);
    const count = this.selectedCount(target, selection, "down");
    const what = `class down removes ${count} environment${count === 1 ? "" : "s"} of ${target.lab.id} (class ${target.classId})`;
    if (count > 0 && !(await confirmDestructive(what, { yes: flags.yes }))) return this.declined();
    const result = await this.withClassRun(target, flags.concurrency, (run) =>
      classDown({ ...target, ...run, concurrency: flags.concurrency, selection }),
    );
    this.logRunSummary(result, "down");
    this.exitForRun(result);
    return result;
  }
}
