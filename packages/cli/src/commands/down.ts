import { type DownSummary, down } from "@labctl/core";
import { DEFAULT_CLASS } from "@labctl/sdk";
import * as Args from "@oclif/core/args";
import { type Declined, engineFlag, environmentFlags, yesFlag } from "../base-command";
import { confirmDestructive } from "../confirm";
import { EnvironmentCommand } from "../environment-command";

export default class Down extends EnvironmentCommand {
  static override summary = "Tear a lab's environment down and forget its generated secrets.";
  static override description =
    "Removing an environment of a class (--class other than default) asks first; --yes answers in advance.";
  static override examples = [
    "<%= config.bin %> down tp03",
    "<%= config.bin %> down tp03 --student ann --class devops --yes",
  ];
  static override args = { lab: Args.string({ description: "lab id (see `labctl labs`)", required: true }) };
  static override flags = { ...environmentFlags, engine: engineFlag, ...yesFlag };

  async run(): Promise<DownSummary | Declined> {
    const { args, flags } = await this.parse(Down);
    const target = this.target(args.lab, flags);
    // A class's environments hold graded work: removing one by hand is asked for.
    if (target.spec.classId !== DEFAULT_CLASS) {
      const what = `down removes ${target.lab.id} of ${target.spec.student.id} in class ${target.spec.classId}`;
      if (!(await confirmDestructive(what, { yes: flags.yes }))) return this.declined();
    }
    const engine = this.engine(target);
    const summary = await this.withProgress((opts) =>
      down(target.home, engine, target.spec, { ...opts, docker: this.docker(target) }),
    );
    if (!this.jsonEnabled())
      this.log(`${summary.lab} is down for ${summary.student} (${summary.removed.length} objects removed).`);
    return summary;
  }
}
