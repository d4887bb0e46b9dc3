import {
  type EnvironmentSpec,
  insideHome,
  type LabctlHome,
  programContext,
  stackName,
  validId,
} from "@labctl/core";
import type { PulumiCli, StackArgs } from "./driver";

/** What every stack of this engine shares once preflight has run. */
export interface StackBase {
  home: LabctlHome;
  cli: PulumiCli;
  /** PULUMI_CONFIG_PASSPHRASE and friends: handed to the CLI's environment, never printed. */
  envVars: Record<string, string>;
  pulumiHome?: string;
}

/** The file:// backend under the labctl home: no Pulumi Cloud account involved. */
export const backendUrl = (home: LabctlHome): string => `file://${home.stateDir}`;

/**
 * One workDir per stack, so parallel inline programs never share Pulumi.<stack>.yaml files.
 * Ids validated and the path kept inside the home, like every other id -> path.
 */
export const workDirFor = (home: LabctlHome, spec: EnvironmentSpec): string =>
  insideHome(
    home,
    "workspaces",
    validId("lab", spec.lab.id),
    stackName(validId("student", spec.student.id), validId("class", spec.classId)),
  );

/** The Automation API arguments for one environment: project = lab id, stack = student (+ class). */
export function stackArgsFor(spec: EnvironmentSpec, base: StackBase): StackArgs {
  return {
    cli: base.cli,
    projectName: spec.lab.id,
    stackName: stackName(spec.student.id, spec.classId),
    workDir: workDirFor(base.home, spec),
    backendUrl: backendUrl(base.home),
    pulumiHome: base.pulumiHome,
    // The provider plugin inherits the CLI's environment: a default provider then targets the
    // same engine as the lab's explicit one.
    envVars: spec.dockerHost ? { ...base.envVars, DOCKER_HOST: spec.dockerHost } : { ...base.envVars },
    program: async () => {
      const module = await spec.lab.program();
      return (await module.default(programContext(spec))) as Record<string, unknown> | undefined;
    },
  };
}
