import type { DockerProbe, HttpProbe } from "@labctl/sdk";
import type { Engine, EnvironmentSpec } from "../engine/types";
import { ExitCode, LabctlError } from "../errors";
import { objectName } from "../naming/names";
import { overallStatus, type VerifyReport } from "../verify/report-types";
import { type RunChecksOptions, runChecks } from "../verify/run-checks";

export interface ProbeClients {
  docker: DockerProbe;
  http: HttpProbe;
}

/** Runs the lab's checks against an environment that is up, whichever engine built it. */
export async function verify(
  engine: Engine,
  spec: EnvironmentSpec,
  clients: ProbeClients,
  opts: RunChecksOptions = {},
): Promise<VerifyReport> {
  const { lab, student } = spec;
  await engine.preflight({ signal: opts.signal });
  const outputs = await engine.outputs(spec);
  if (outputs === undefined) {
    throw new LabctlError(
      `${lab.id} is not up for ${student.id} (no outputs found with the ${engine.name} engine).`,
      `Run \`labctl up ${lab.id}\` first${engine.name === "docker" ? " with --engine docker" : ""}.`,
      ExitCode.infrastructure,
      "NOT_UP",
    );
  }
  const startedAt = new Date();
  const checks = await runChecks(
    lab.checks,
    {
      lab: lab.id,
      studentId: student.id,
      outputs,
      name: (role) => objectName(lab.id, student.id, role),
      labels: spec.labels,
      docker: clients.docker,
      http: clients.http,
    },
    opts,
  );
  return {
    lab: lab.id,
    student: student.id,
    classId: spec.classId,
    status: overallStatus(checks),
    earned: checks.reduce((n, c) => n + c.earned, 0),
    total: checks.reduce((n, c) => n + c.points, 0),
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    checks,
  };
}
