import type { ProgramContext } from "@labctl/sdk";
import * as pulumi from "@pulumi/pulumi";

/** What a resolved EnvironmentSpec would give tp01's program for student alice. */
export const TEST_ENV = {
  labels: { "dev.labctl.lab": "tp01", "dev.labctl.student": "alice", "dev.labctl.class": "default" },
  images: { web: "mirror.test/nginx:1.27-alpine", hello: "mirror.test/hello-world:latest" } as Record<
    string,
    string
  >,
  ports: { web: 18100 } as Record<string, number>,
  bindAddress: "127.0.0.1",
};

/** A ProgramContext built by hand, as core's programContext would from TEST_ENV. Call after setMocks. */
export function testProgramContext(env = TEST_ENV, studentName = "Alice"): ProgramContext {
  const lookup = <T>(table: Record<string, T>, key: string): T => {
    const value = table[key];
    if (value === undefined) throw new Error(`the program asked for undeclared "${key}"`);
    return value;
  };
  return {
    lab: "tp01",
    student: { id: "alice", name: studentName },
    classId: "default",
    name: (role) => `tp01-alice-${role}`,
    labels: { ...env.labels },
    image: (role) => lookup(env.images, role),
    port: (role) => lookup(env.ports, role),
    bindAddress: env.bindAddress,
    secret: (name) => pulumi.secret(lookup({} as Record<string, string>, name)),
  };
}
