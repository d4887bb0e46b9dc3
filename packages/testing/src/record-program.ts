import { runProgram, stackName } from "@labctl/core";
import type { ProgramContext } from "@labctl/sdk";
import { type RecordedResource, recordedResource, resourceRecorder } from "./pulumi-recorder";
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
 * A program test's run of a lab program: the one harness the docker engine uses too (core's
 * runProgram: project = lab, stack as core names it), with recording mocks. `load` is
 * `() => require("./program")`, called inside the run; the program runs once with
 * testProgramContext(env).
 */
export async function recordProgram<T extends Record<string, unknown>>(
  env: TestEnvironment,
  load: () => { default: (ctx: ProgramContext) => T },
): Promise<RecordedProgram<T>> {
  const { recorded: resources, mocks, onRegister } = resourceRecorder();
  let raw = {} as T;
  const outputs = (await runProgram({
    program: () => {
      raw = load().default(testProgramContext(env));
      return raw;
    },
    project: env.lab,
    stack: stackName(env.studentId ?? "alice", env.classId ?? "default"),
    preview: false,
    mocks,
    onRegister,
  })) as Record<keyof T, unknown>;
  return { resources, raw, outputs, resource: (name) => recordedResource(resources, name) };
}
