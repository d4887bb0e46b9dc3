import type { Tp06Outputs } from "../outputs";
import type { RegistryTarget } from "../registry/registry-http";

/** The student's registry, with the generated credentials or anonymously. */
export function registryTarget(outputs: Tp06Outputs, as: "student" | "anonymous"): RegistryTarget {
  const auth = { username: outputs.registryUser, password: outputs.registryPassword };
  return { url: outputs.registryUrl, auth: as === "student" ? auth : undefined };
}
