import { stackName } from "@labctl/core";
import type { ProgramContext } from "@labctl/sdk";
import { type RecordedResource, recordedResource, recordResources, resolveOutputs } from "./pulumi-recorder";
import { type TestEnvironment, testProgramContext } from "./test-program-context";

/** One run of a lab program under Pulumi's mocks, as a program test looks at it. */
export interface RecordedProgram<T extends Record<string, unknown> = Record<string, unknown>> {
  /** Every resource the program registered, by logical name. */
  resources: Map<string, RecordedResource>;
  /** What the program returned (Outputs not resolved). */
  raw: T;
  /** What the program returned, resolved once every resource is registered. */
  outputs: Record<keyof T, unknown>;
  /** The resource with this logical name; throws listing the names there are. */
  resource(name: string): RecordedResource;
}

/**
 * The one program-test harness: installs the mocks (project = lab, stack as core names it),
 * then loads the program (`load` is `() => require("./program")`: after the mocks, so the
 * provider registers against them) and runs it once with testProgramContext(env).
 */
export async function recordProgram<T extends Record<string, unknown>>(
  env: TestEnvironment,
  load: () => { default: (ctx: ProgramContext) => T },
): Promise<RecordedProgram<T>> {
  const resources = await recordResources(
    env.lab,
    stackName(env.studentId ?? "alice", env.classId ?? "default"),
  );
  const raw = load().default(testProgramContext(env));
  const outputs = await resolveOutputs(raw);
  return { resources, raw, outputs, resource: (name) => recordedResource(resources, name) };
}
