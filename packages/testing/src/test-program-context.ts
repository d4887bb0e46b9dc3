import type { ProgramContext } from "@labctl/sdk";
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
}

/** The labels core would put on an environment (version left out: tests need not pin it). */
export const testLabels = (env: TestEnvironment): Record<string, string> => ({
  "dev.labctl.lab": env.lab,
  "dev.labctl.student": env.studentId ?? "alice",
  "dev.labctl.class": env.classId ?? "default",
});

/**
 * A ProgramContext built by hand, as core's programContext would build it (secrets become
 * Pulumi secrets, so call it after setMocks). Asking for an undeclared role or secret throws,
 * as it does for real.
 */
export function testProgramContext(env: TestEnvironment): ProgramContext {
  const studentId = env.studentId ?? "alice";
  const lookup = <T>(kind: string, table: Record<string, T> | undefined, key: string): T => {
    const value = table?.[key];
    if (value === undefined) throw new Error(`the program asked for undeclared ${kind} "${key}"`);
    return value;
  };
  return {
    lab: env.lab,
    student: { id: studentId, name: env.studentName ?? "Alice" },
    classId: env.classId ?? "default",
    name: (role) => `${env.lab}-${studentId}-${role}`,
    labels: testLabels(env),
    image: (role) => lookup("image", env.images, role),
    port: (role) => lookup("port", env.ports, role),
    bindAddress: env.bindAddress ?? "127.0.0.1",
    secret: (name) => pulumi.secret(lookup("secret", env.secrets, name)),
    dataDir: env.dataDir,
  };
}
