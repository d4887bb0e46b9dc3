import { ExitCode } from "@labctl/sdk";
import { dockerHostFlag, LabctlCommand } from "../base-command";
import { type DoctorFinding, runDiagnostics } from "../doctor/diagnostics";

export interface DoctorResult {
  ok: boolean;
  findings: DoctorFinding[];
}

const MARK = { ok: "ok  ", warn: "warn", fail: "FAIL" } as const;

export default class Doctor extends LabctlCommand {
  static override summary =
    "Check that this machine can run labs: Node, labctl home, config, Docker, Swarm, Pulumi, images.";
  static override description =
    "Shows the configuration in force and where each part came from (config file, engine, Docker host, image map), " +
    "then asks the Docker engine (giving up after a few seconds) and Pulumi. For Swarm labs it says whether the engine is " +
    "in a swarm, whether this node is a manager, whether labctl created that swarm, and which publishing mode labs will use. " +
    "Exit 2 when something must be fixed.";
  static override examples = [
    "<%= config.bin %> doctor",
    "<%= config.bin %> doctor --docker-host ssh://prof@lab-host --json",
  ];
  static override flags = { ...dockerHostFlag };

  async run(): Promise<DoctorResult> {
    const { flags } = await this.parse(Doctor);
    const home = this.home();
    const findings = await runDiagnostics(home, () => this.labctlConfig(home, flags));
    const ok = findings.every((f) => f.status !== "fail");
    if (!this.jsonEnabled()) {
      for (const f of findings) this.log(`${MARK[f.status]}  ${f.name.padEnd(14)} ${f.detail}`);
    }
    if (!ok) process.exitCode = ExitCode.infrastructure;
    return { ok, findings };
  }
}
