import { type ClassUpResult, classUp } from "@labctl/class";
import { dockerClient } from "@labctl/docker";
import * as Args from "@oclif/core/args";
import { ClassCommand, classRunFlags } from "../../class-command";

export default class ClassUp extends ClassCommand {
  static override summary = "Build (or bring up to date) a lab's environment for every student of a roster.";
  static override description =
    "Ports are allocated for every roster student first, in roster order; a pre-flight refuses to start when a " +
    "port, an object name or the engine's address pools are taken, naming them; then students are brought up " +
    "--concurrency at a time. Healthy environments are left as they are. Exit 0 when every student is up, 2 otherwise.";
  static override examples = [
    "<%= config.bin %> class up tp01 --roster devops-2026.csv",
    "<%= config.bin %> class up tp03 --roster devops-2026.csv --engine docker --concurrency 8",
    "<%= config.bin %> class up tp03 --roster devops-2026.csv --retry-failed",
  ];
  static override args = { lab: Args.string({ description: "lab id (see `labctl labs`)", required: true }) };
  static override flags = classRunFlags;

  async run(): Promise<ClassUpResult> {
    const { args, flags } = await this.parse(ClassUp);
    const selection = this.selection(flags);
    const target = this.classTarget(args.lab, flags);
    if (!this.jsonEnabled())
      this.logToStderr(
        `Bringing up ${target.lab.id} for class ${target.classId} (${target.roster.students.length} students) with the ${target.engineName} engine…`,
      );
    const result = await this.withClassRun(target, flags.concurrency, (run) =>
      classUp({
        ...target,
        ...run,
        concurrency: flags.concurrency,
        selection,
        docker: dockerClient(target.config.dockerHost),
      }),
    );
    this.logRunSummary(result, "up");
    if (!this.jsonEnabled() && result.counts.failed + result.counts.cancelled === 0)
      this.log(`Next: labctl class verify ${result.lab} --roster ${flags.roster}`);
    this.exitForRun(result);
    return result;
  }
}
