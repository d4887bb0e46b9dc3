import { type UpSummary, up } from "@labctl/core";
import * as Args from "@oclif/core/args";
import * as Flags from "@oclif/core/flags";
import { engineFlag, environmentFlags } from "../base-command";
import { EnvironmentCommand } from "../environment-command";

export default class Up extends EnvironmentCommand {
  static override summary = "Build a lab's environment for a student (or bring it up to date).";
  static override examples = [
    "<%= config.bin %> up tp03",
    "<%= config.bin %> up tp03 --engine docker --student alice",
  ];
  static override args = { lab: Args.string({ description: "lab id (see `labctl labs`)", required: true }) };
  static override flags = {
    ...environmentFlags,
    engine: engineFlag,
    "show-secrets": Flags.boolean({ description: "print generated passwords instead of [secret]" }),
  };

  async run(): Promise<UpSummary> {
    const { args, flags } = await this.parse(Up);
    const target = this.target(args.lab, flags);
    const engine = this.engine(target);
    this.logToStderr(
      `Bringing up ${target.lab.id} for ${target.spec.student.id} with the ${engine.name} engine…`,
    );
    const summary = await this.withProgress((opts) =>
      up(target.home, engine, target.spec, {
        ...opts,
        showSecrets: flags["show-secrets"],
        docker: this.docker(target),
      }),
    );
    if (!this.jsonEnabled()) {
      this.log(`${summary.lab} is up for ${summary.student}.`);
      for (const [key, value] of Object.entries(summary.outputs))
        this.log(`  ${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
      this.log(`Next: labctl verify ${summary.lab}${flags.student ? ` --student ${flags.student}` : ""}`);
    }
    return summary;
  }
}
