import { type PreviewSummary, preview } from "@labctl/core";
import * as Args from "@oclif/core/args";
import { engineFlag, environmentFlags } from "../base-command";
import { EnvironmentCommand } from "../environment-command";

export default class Preview extends EnvironmentCommand {
  static override summary = "Show what `up` would create, replace or remove, without changing anything.";
  static override examples = [
    "<%= config.bin %> preview tp03",
    "<%= config.bin %> preview tp03 --engine docker --json",
  ];
  static override args = { lab: Args.string({ description: "lab id (see `labctl labs`)", required: true }) };
  static override flags = { ...environmentFlags, engine: engineFlag };

  async run(): Promise<PreviewSummary> {
    const { args, flags } = await this.parse(Preview);
    const target = this.target(args.lab, flags);
    const summary = await this.withProgress((opts) =>
      preview(target.home, this.engine(target), target.spec, opts),
    );
    if (!this.jsonEnabled()) {
      for (const c of summary.changes) this.log(`  ${c.action.padEnd(7)} ${c.name} (${c.type})`);
      const counts = new Map<string, number>();
      for (const c of summary.changes) counts.set(c.action, (counts.get(c.action) ?? 0) + 1);
      this.log([...counts].map(([action, n]) => `${n} ${action}`).join(", ") || "nothing to do");
    }
    return summary;
  }
}
