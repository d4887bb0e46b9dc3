import { ExitCode } from "@labctl/core";
import { LabctlCommand } from "../base-command";
import { type DoctorFinding, runDiagnostics } from "../doctor/diagnostics";

export interface DoctorResult {
  ok: boolean;
  findings: DoctorFinding[];
}

const MARK = { ok: "ok  ", warn: "warn", fail: "FAIL" } as const;

export default class Doctor extends LabctlCommand {
  static override summary =
    "Check that this machine can run labs: Node, labctl home, config, Docker, Pulumi, images.";
  static override examples = ["<%= config.bin %> doctor"];

  async run(): Promise<DoctorResult> {
    await this.parse(Doctor);
    const home = this.home();
    const findings = await runDiagnostics(home, () => this.labctlConfig(home));
    const ok = findings.every((f) => f.status !== "fail");
    if (!this.jsonEnabled()) {
      for (const f of findings) this.log(`${MARK[f.status]}  ${f.name.padEnd(14)} ${f.detail}`);
    }
    if (!ok) process.exitCode = ExitCode.infrastructure;
    return { ok, findings };
  }
}
