import { type ClassStatusResult, classStatus } from "@labctl/class";
import { dockerodeProbe } from "@labctl/core";
import { dockerClient, pingDocker } from "@labctl/docker";
import * as Args from "@oclif/core/args";
import { ClassCommand, rosterFlags } from "../../class-command";

export default class ClassStatus extends ClassCommand {
  static override summary =
    "Show each roster student's environment: up or not, containers, last runs, score.";
  static override examples = ["<%= config.bin %> class status tp03 --roster devops-2026.csv"];
  static override args = { lab: Args.string({ description: "lab id (see `labctl labs`)", required: true }) };
  static override flags = rosterFlags;

  async run(): Promise<ClassStatusResult> {
    const { args, flags } = await this.parse(ClassStatus);
    const target = this.classTarget(args.lab, flags);
    const client = dockerClient(target.config.dockerHost);
    await pingDocker(client);
    const result = await classStatus({ ...target, docker: dockerodeProbe(client) });
    if (!this.jsonEnabled()) {
      const width = Math.max(...result.students.map((s) => s.student.id.length), 7);
      for (const s of result.students) {
        if (s.unreadable) {
          this.log(`${s.student.id.padEnd(width)}  ?     ${s.unreadable}`);
          continue;
        }
        const containers = s.containers
          ? s.containers.map((c) => `${c.name} ${c.status}${c.health ? `/${c.health}` : ""}`).join(", ") ||
            "no containers"
          : "Docker not reachable";
        const last = s.score ? `${s.score.earned}/${s.score.total} (${s.score.status})` : "not verified";
        const score = s.error ? `${last}; ${s.error}` : last;
        const lastUp = s.lastUp ? `last up ${s.lastUp.state}` : "never up";
        this.log(
          `${s.student.id.padEnd(width)}  ${s.up ? "up  " : "down"}  ${lastUp}, ${score}  ${containers}`,
        );
      }
      if (result.notInRoster.length > 0)
        this.log(
          `Not in the roster any more, still up: ${result.notInRoster.join(", ")} (labctl down <lab> --student <id> --class ${result.classId}).`,
        );
    }
    return result;
  }
}
