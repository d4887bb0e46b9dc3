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

/**
 * Runs the lab's program once through a realizer in the given mode: the one run of an `up`
 * (apply) or a `preview` (plan), which also checks that this engine can make everything the
 * program declares. Apply changes nothing in Docker until the program's body has run and its
 * first registrations are in, so such a program is refused before anything is created (a
 * resource registered only once another exists is checked when it registers).
 */
export async function realize(
  spec: EnvironmentSpec,
  mode: RealizerMode,
  docker: (host: string | undefined) => Dockerode,
  opts: EngineRunOptions = {},
): Promise<RealizedRun> {
  const { onEvent, signal } = opts;
  let open = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const realizer = new Realizer({ spec, mode, docker, signal, onEvent, gate });
  const module = await spec.lab.program();
  let outputs: Record<string, unknown> = {};
  try {
    outputs = await runProgram({
      program: () => {
        try {
          return module.default(programContext(spec));
        } finally {
          // Registrations of the body's resources reach the mocks within a few turns.
          setImmediate(() => setImmediate(open));
        }
      },
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
    if (!realizer.failure && !realizer.refused) throw programFailed(spec, error);
  } finally {
    open();
  }
  if (realizer.unsupported.size > 0) throw unsupportedTypesError([...realizer.unsupported]);
  if (realizer.problems.length > 0) throw invalidInputsError(realizer.problems);
  if (realizer.failure) throw realizer.failure;
  return { realizer, outputs };
}

/** The program's hosts and declared types, from a run that touches no Docker (for `down`). */
export async function checkProgram(spec: EnvironmentSpec, docker: (host: string | undefined) => Dockerode) {
  return (await realize(spec, "collect", docker)).realizer;
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
