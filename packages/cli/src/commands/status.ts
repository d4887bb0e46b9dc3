import { dockerodeProbe, type EnvironmentStatus, status } from "@labctl/core";
import { dockerClient, pingDocker } from "@labctl/docker";
import * as Flags from "@oclif/core/flags";
import { dockerHostFlag, LabctlCommand } from "../base-command";

export default class Status extends LabctlCommand {
  static override summary = "Show the environments labctl has built on this machine and their containers.";
  static override examples = ["<%= config.bin %> status", "<%= config.bin %> status --lab tp03 --json"];
  static override flags = { lab: Flags.string({ description: "only this lab" }), ...dockerHostFlag };

  async run(): Promise<EnvironmentStatus[]> {
    const { flags } = await this.parse(Status);
    const home = this.home();
    const config = this.labctlConfig(home, flags);
    const docker = dockerClient(config.dockerHost);
    // A wedged engine ends the command within seconds (exit 2), not one timeout per environment.
    await pingDocker(docker);
    const environments = await status(home, dockerodeProbe(docker), flags.lab);
    if (!this.jsonEnabled()) {
      if (environments.length === 0) this.log("No environments. Start one with `labctl up <lab>`.");
      for (const env of environments) {
        if (env.unreadable !== undefined) {
          this.log(`${env.lab}  ${env.student}  class=${env.classId}  unreadable: ${env.unreadable}`);
          continue;
        }
        const containers = env.containers
          ? env.containers.map((c) => `${c.name} ${c.status}${c.health ? `/${c.health}` : ""}`).join(", ") ||
            "no containers"
          : "Docker not reachable";
        const ports = Object.entries(env.ports)
          .map(([role, port]) => `${role}:${port}`)
          .join(" ");
        this.log(
          `${env.lab}  ${env.student}  class=${env.classId}  engine=${env.engine}  ports ${ports || "-"}  ${containers}`,
        );
      }
    }
    return environments;
  }
}
