import { type DownSummary, down } from "@labctl/core";
import { Args } from "@oclif/core";
import { engineFlag, environmentFlags } from "../base-command";
import { EnvironmentCommand } from "../environment-command";

export default class Down extends EnvironmentCommand {
  static override summary = "Tear a lab's environment down and forget its generated secrets.";
  static override examples = ["<%= config.bin %> down tp03"];
  static override args = { lab: Args.string({ description: "lab id (see `labctl labs`)", required: true }) };
  static override flags = { ...environmentFlags, engine: engineFlag };

  async run(): Promise<DownSummary> {
    const { args, flags } = await this.parse(Down);
    const target = this.target(args.lab, flags);
    const engine = this.engine(target);
    const summary = await this.withProgress((opts) =>
      down(target.home, engine, target.spec, { ...opts, docker: this.docker(target) }),
    );
    if (!this.jsonEnabled())
      this.log(`${summary.lab} is down for ${summary.student} (${summary.removed.length} objects removed).`);
    return summary;
  }
}
