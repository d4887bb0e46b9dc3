import { type RepairSummary, repair } from "@labctl/core";
import * as Args from "@oclif/core/args";
import { engineFlag, environmentFlags } from "../base-command";
import { EnvironmentCommand } from "../environment-command";

export default class Repair extends EnvironmentCommand {
  static override summary =
    "Clear what an interrupted run left behind: a stale lock, pending operations (Pulumi engine).";
  static override description =
    "Cancels a stale update, removes the pending operations a killed run left in the Pulumi state and refreshes " +
    "the state from what exists. Run it only when no other labctl run works on this environment. " +
    "With the docker engine there is nothing to repair: run `up` again.";
  static override examples = ["<%= config.bin %> repair tp03"];
  static override args = { lab: Args.string({ description: "lab id (see `labctl labs`)", required: true }) };
  static override flags = { ...environmentFlags, engine: engineFlag };

  async run(): Promise<RepairSummary> {
    const { args, flags } = await this.parse(Repair);
    const target = this.target(args.lab, flags);
    const summary = await this.withProgress((opts) =>
      repair(target.home, this.engine(target), target.spec, opts),
    );
    if (!this.jsonEnabled()) {
      if (!summary.repaired)
        this.log(
          `Nothing to repair for ${summary.lab}/${summary.student} with the ${summary.engine} engine.`,
        );
      else
        this.log(
          `${summary.lab}/${summary.student} repaired (${summary.clearedOperations.length} pending operations cleared).`,
        );
    }
    return summary;
  }
}
