import type { ProgramContext } from "@labctl/sdk";
import * as pulumi from "@pulumi/pulumi";
import type { EnvironmentSpec } from "../engine/types";
import { objectName } from "../naming/names";

/**
 * The context a lab program runs with, built from a resolved spec. Must be called inside a
 * Pulumi program run (real or mocked): secrets become Pulumi secrets there.
 */
export function programContext(spec: EnvironmentSpec): ProgramContext {
  const { lab, student } = spec;
  const lookup = <T>(kind: string, table: Record<string, T>, key: string): T => {
    const value = table[key];
    if (value === undefined) throw new Error(`lab ${lab.id} asked for ${kind} "${key}" it does not declare`);
    return value;
  };
  return {
    lab: lab.id,
    student,
    classId: spec.classId,
    name: (role) => objectName(lab.id, student.id, role),
    labels: { ...spec.labels },
    image: (role) => lookup("image", spec.images, role),
    port: (role) => lookup("port", spec.ports, role),
    bindAddress: spec.bindAddress,
    secret: (name) => pulumi.secret(lookup("secret", spec.secrets, name)),
    dockerHost: spec.dockerHost,
    dataDir: spec.dataDir,
    swarm: spec.swarm,
    kubernetes: spec.kubernetes,
  };
}
