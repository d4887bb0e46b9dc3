import { type GcResult, gc } from "@labctl/core";
import { dockerClient, pingDocker } from "@labctl/docker";
import { ExitCode } from "@labctl/sdk";
import * as Flags from "@oclif/core/flags";
import { type Declined, dockerHostFlag, LabctlCommand, yesFlag } from "../base-command";
import { confirmDestructive, isInteractive } from "../confirm";

export default class Gc extends LabctlCommand {
  static override summary =
    "Remove Docker objects left by labctl environments this machine no longer knows (found by label).";
  static override description =
    "Every object labctl creates carries dev.labctl.* labels. gc groups them by environment and removes " +
    "the environments labctl has no record of (lost state, crashed runs). --all removes every labctl environment: " +
    "it asks first on a terminal and needs --yes without one.";
  static override examples = [
    "<%= config.bin %> gc --dry-run",
    "<%= config.bin %> gc",
    "<%= config.bin %> gc --all --lab tp03 --yes",
  ];
  static override flags = {
    all: Flags.boolean({ description: "remove every labctl environment, not only strays" }),
    "dry-run": Flags.boolean({ description: "list what would be removed, remove nothing" }),
    lab: Flags.string({ description: "only this lab's objects" }),
    ...yesFlag,
    ...dockerHostFlag,
  };

  async run(): Promise<GcResult | Declined> {
    const { flags } = await this.parse(Gc);
    const home = this.home();
    const docker = dockerClient(this.labctlConfig(home, flags).dockerHost);
    const options = { all: flags.all, dryRun: flags["dry-run"], lab: flags.lab };
    const confirm = flags.all && !flags["dry-run"] && !flags.yes;
    const scope = flags.lab ? `every ${flags.lab} environment` : "every labctl environment";
    // Without a terminal, refuse before the engine is contacted.
    if (confirm && !isInteractive()) await confirmDestructive(`gc --all removes ${scope} on this engine`, {});
    await pingDocker(docker);
    if (confirm) {
      // On a terminal, say how many first.
      const planned = await gc(home, docker, { ...options, dryRun: true });
      if (planned.groups.length === 0) return this.render(planned);
      const what = `gc --all removes ${planned.groups.length} environments (${scope})`;
      if (!(await confirmDestructive(what, {}))) return this.declined();
    }
    return this.render(await gc(home, docker, options), flags.all);
  }

  /** An environment whose record cannot be read is kept and named; gc then exits 65. */
  private render(result: GcResult, all = false): GcResult {
    const unreadable = result.groups.filter((g) => g.unreadable !== undefined);
    if (!this.jsonEnabled()) {
      for (const g of result.groups) {
        const fate = g.unreadable
          ? "KEPT: its record cannot be read"
          : all || g.stray
            ? result.dryRun
              ? "would remove"
              : "removed"
            : "kept (known environment)";
        this.log(`${g.lab}/${g.student} (class ${g.classId}): ${g.objects.length} objects, ${fate}`);
      }
      if (result.groups.length === 0) this.log("No labctl objects found.");
    }
    for (const g of unreadable) this.logToStderr(`Warning: ${g.unreadable}`);
    if (unreadable.length > 0) process.exitCode = ExitCode.badInput;
    return result;
  }
}
