import { dockerClient, type GcResult, gc } from "@labctl/core";
import { Flags } from "@oclif/core";
import { LabctlCommand } from "../base-command";

export default class Gc extends LabctlCommand {
  static override summary =
    "Remove Docker objects left by labctl environments this machine no longer knows (found by label).";
  static override description =
    "Every object labctl creates carries dev.labctl.* labels. gc groups them by environment and removes " +
    "the environments labctl has no record of (lost state, crashed runs). --all removes every labctl environment.";
  static override examples = [
    "<%= config.bin %> gc --dry-run",
    "<%= config.bin %> gc",
    "<%= config.bin %> gc --all --lab tp03",
  ];
  static override flags = {
    all: Flags.boolean({ description: "remove every labctl environment, not only strays" }),
    "dry-run": Flags.boolean({ description: "list what would be removed, remove nothing" }),
    lab: Flags.string({ description: "only this lab's objects" }),
  };

  async run(): Promise<GcResult> {
    const { flags } = await this.parse(Gc);
    const home = this.home();
    const docker = dockerClient(this.labctlConfig(home).dockerHost);
    const result = await gc(home, docker, { all: flags.all, dryRun: flags["dry-run"], lab: flags.lab });
    if (!this.jsonEnabled()) {
      for (const g of result.groups) {
        const fate =
          flags.all || g.stray ? (result.dryRun ? "would remove" : "removed") : "kept (known environment)";
        this.log(`${g.lab}/${g.student} (class ${g.classId}): ${g.objects.length} objects, ${fate}`);
      }
      if (result.groups.length === 0) this.log("No labctl objects found.");
    }
    return result;
  }
}
