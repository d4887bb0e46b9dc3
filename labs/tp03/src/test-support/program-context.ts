import type { ProgramContext } from "@labctl/sdk";
import * as pulumi from "@pulumi/pulumi";

/** What a resolved EnvironmentSpec would give tp03's program for student alice (secrets as Pulumi secrets). */
export const TEST_ENV = {
  labels: { "dev.labctl.lab": "tp03", "dev.labctl.student": "alice", "dev.labctl.class": "default" },
  images: { ghost: "mirror.test/ghost:5-alpine", mysql: "mirror.test/mysql:8.0" } as Record<string, string>,
  ports: { ghost: 18230 } as Record<string, number>,
  bindAddress: "127.0.0.1",
  secrets: { mysqlRootPassword: "root-Secret-1", mysqlPassword: "ghost-Secret-2" } as Record<string, string>,
};

/** A ProgramContext built by hand, as core's programContext would from TEST_ENV. Call after setMocks. */
export function testProgramContext(env = TEST_ENV): ProgramContext {
  const lookup = <T>(table: Record<string, T>, key: string): T => {
    const value = table[key];
    if (value === undefined) throw new Error(`the program asked for undeclared "${key}"`);
    return value;
  };
  return {
    lab: "tp03",
    student: { id: "alice", name: "Alice" },
    classId: "default",
    name: (role) => `tp03-alice-${role}`,
    labels: { ...env.labels },
    image: (role) => lookup(env.images, role),
    port: (role) => lookup(env.ports, role),
    bindAddress: env.bindAddress,
    secret: (name) => pulumi.secret(lookup(env.secrets, name)),
  };
}
