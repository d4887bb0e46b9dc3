import type { EnvironmentSpec } from "@labctl/core";
import { ExitCode, LabctlError, type Platform } from "@labctl/sdk";

/** The docker engine builds plain-engine and Swarm labs (services, configs, secrets), not these. */
const UNSERVED: readonly Platform[] = ["kind"];

/** Refuses, before the program runs, a lab on a platform this engine does not build (kind). */
export function refuseUnservedPlatform(spec: EnvironmentSpec): void {
  const { platform, id } = spec.lab;
  if (!UNSERVED.includes(platform)) return;
  throw new LabctlError(
    `Lab ${id} runs on Kubernetes (kind), which the docker engine does not build.`,
    `Use the Pulumi engine: labctl up ${id} --engine pulumi (or set engine: pulumi in config.yaml).`,
    ExitCode.usage,
    "ENGINE_PLATFORM",
  );
}
