import { LABCTL_VERSION, objectName } from "@labctl/core";
import {
  DEFAULT_CLASS,
  type KubernetesTarget,
  labelsFor,
  type ProgramContext,
  type SwarmPublishing,
} from "@labctl/sdk";
import * as pulumi from "@pulumi/pulumi";

/** What a resolved EnvironmentSpec would give a lab's program, for program tests under mocks. */
export interface TestEnvironment {
  lab: string;
  studentId?: string;
  studentName?: string;
  classId?: string;
  images: Record<string, string>;
  ports?: Record<string, number>;
  secrets?: Record<string, string>;
  bindAddress?: string;
  dataDir?: string;
  /** Swarm labs: the publishing mode labctl chose for the engine (ProgramContext.swarm). */
  swarm?: SwarmPublishing;
  /** Kubernetes labs: the cluster the program deploys to (ProgramContext.kubernetes). */
  kubernetes?: KubernetesTarget;
}

const studentOf = (env: TestEnvironment) => env.studentId ?? "alice";
const classOf = (env: TestEnvironment) => env.classId ?? DEFAULT_CLASS;

/** The labels core puts on this environment's objects: core's own function, version included. */
export const testLabels = (env: TestEnvironment): Record<string, string> =>
  labelsFor({ lab: env.lab, student: studentOf(env), classId: classOf(env) }, LABCTL_VERSION);

/**
 * The ProgramContext core's programContext would build for this environment: names from core's
 * one naming function and labels from core's labelsFor (so a naming change in core fails the
 * program tests), secrets as Pulumi secrets (so call it after setMocks). Asking for an
 * undeclared role or secret throws, as it does for real.
 */
export function testProgramContext(env: TestEnvironment): ProgramContext {
  const studentId = studentOf(env);
  const lookup = <T>(kind: string, table: Record<string, T> | undefined, key: string): T => {
    const value = table?.[key];
    if (value === undefined) throw new Error(`the program asked for undeclared ${kind} "${key}"`);
    return value;
  };
  return {
    lab: env.lab,
    student: { id: studentId, name: env.studentName ?? "Alice" },
    classId: classOf(env),
    name: (role) => objectName(env.lab, studentId, role),
    labels: testLabels(env),
    image: (role) => lookup("image", env.images, role),
    port: (role) => lookup("port", env.ports, role),
    bindAddress: env.bindAddress ?? "127.0.0.1",
    secret: (name) => pulumi.secret(lookup("secret", env.secrets, name)),
    dataDir: env.dataDir,
    swarm: env.swarm,
    kubernetes: env.kubernetes,
  };
}
