import { type EnvironmentSpec, programContext, runProgram, stackName } from "@labctl/core";
import { type DockerObject, dockerClient, OBJECT_KIND_OF } from "@labctl/docker";
import { type EngineRunOptions, ExitCode, isLabctlError, LabctlError } from "@labctl/sdk";
import type Dockerode from "dockerode";
import { BOOKKEEPING } from "./object-labels";
import { declaredKey, Realizer, type RealizerMode } from "./realizer";
import { invalidInputsError, unsupportedTypesError } from "./resource-types";

/**
 * Docker clients of one operation, one per host; undefined is the environment's default engine:
 * the spec's host (the config's, resolved once by the parent process), else the engine's own.
 */
export function clientsFor(
  spec: EnvironmentSpec,
  engineHost: string,
): (host: string | undefined) => Dockerode {
  const clients = new Map<string, Dockerode>();
  return (host) => {
    const key = host ?? spec.dockerHost ?? engineHost;
    const client = clients.get(key) ?? dockerClient(key);
    clients.set(key, client);
    return client;
  };
}

export interface RealizedRun {
  realizer: Realizer;
  outputs: Record<string, unknown>;
}

/** Runs the lab's program once through a realizer in the given mode. */
export async function realize(
  spec: EnvironmentSpec,
  mode: RealizerMode,
  docker: (host: string | undefined) => Dockerode,
  opts: EngineRunOptions = {},
): Promise<RealizedRun> {
  const { onEvent, signal } = opts;
  const realizer = new Realizer({ spec, mode, docker, signal, onEvent });
  const module = await spec.lab.program();
  let outputs: Record<string, unknown> = {};
  try {
    outputs = await runProgram({
      program: () => module.default(programContext(spec)),
      project: spec.lab.id,
      stack: stackName(spec.student.id, spec.classId),
      preview: mode !== "apply",
      mocks: realizer,
      onDiagnostic:
        mode === "collect"
          ? undefined
          : (severity, message) => onEvent?.({ kind: "diagnostic", severity, message }),
    });
  } catch (error) {
    if (!realizer.failure) throw programFailed(spec, error);
  }
  if (realizer.failure) throw realizer.failure;
  return { realizer, outputs };
}

/** The pass before anything is created: every type must be realizable and every input valid. */
export async function checkProgram(spec: EnvironmentSpec, docker: (host: string | undefined) => Dockerode) {
  const { realizer } = await realize(spec, "collect", docker);
  if (realizer.unsupported.size > 0) throw unsupportedTypesError([...realizer.unsupported]);
  if (realizer.problems.length > 0) throw invalidInputsError(realizer.problems);
  return realizer;
}

/**
 * Objects of the environment the program no longer declares (a renamed or dropped resource),
 * host by host: removed after a successful up, listed by a preview. Only objects whose kind
 * matches their type label count, so a container inheriting a built image's labels is left alone.
 */
export function undeclared(realizer: Realizer, host: string | undefined): (object: DockerObject) => boolean {
  const declared = realizer.declared.get(host) ?? new Set<string>();
  return (object) => {
    const type = object.labels[BOOKKEEPING.type] ?? "";
    return (
      OBJECT_KIND_OF[type] === object.kind &&
      !declared.has(declaredKey(type, object.labels[BOOKKEEPING.resource] ?? ""))
    );
  };
}

/** The hosts an environment lives on: the default engine and those its providers named. */
export const hostsOf = (realizer: Realizer): (string | undefined)[] => [
  ...new Set([undefined, ...realizer.declared.keys()]),
];

function programFailed(spec: EnvironmentSpec, error: unknown): LabctlError {
  if (isLabctlError(error)) return error;
  return new LabctlError(
    `The program of lab ${spec.lab.id} failed: ${(error as Error).message ?? String(error)}`,
    "This is a lab bug, not a problem with your machine: report it with the message above.",
    ExitCode.infrastructure,
    "PROGRAM_FAILED",
    { cause: error },
  );
}
