import { setTimeout as sleep } from "node:timers/promises";
import { BOOKKEEPING, type EngineEvent, ExitCode, LabctlError, type ResourceChange } from "@labctl/sdk";
import type Dockerode from "dockerode";
import { cancelledError } from "./cancelled-error";
import { type DockerObject, listAll, removeObject } from "./docker-objects";

export interface TeardownOptions {
  /** Only remove the objects this keeps (default: every object with the labels). */
  filter?: (object: DockerObject) => boolean;
  onEvent?: (event: EngineEvent) => void;
  signal?: AbortSignal;
}

const RETRIES = 30;
/** Polls of a removed network until the engine stops listing it (an overlay's node copy lingers). */
const GONE_POLLS = 30;
const POLL_MS = 1000;

/** The change an object's removal reports: its Pulumi type and name when it carries them. */
export function removalOf(object: DockerObject): ResourceChange {
  return {
    action: "delete",
    type: object.labels[BOOKKEEPING.type] ?? `docker:${object.kind}`,
    name: object.labels[BOOKKEEPING.resource] ?? object.name,
  };
}

/**
 * Removes every object carrying `labels`, users before what they use: services, containers,
 * secrets, configs, networks, volumes. Needs no state, so it also finds strays. A network or
 * volume still held by a Swarm task that is going away is retried for a while; what cannot be
 * removed is reported at the end, after everything else was tried.
 */
export async function teardown(
  docker: Dockerode,
  labels: Record<string, string>,
  opts: TeardownOptions = {},
) {
  const removed: ResourceChange[] = [];
  const failures: string[] = [];
  let tasksLeaving = false;
  const objects = (await listAll(docker, labels)).filter(opts.filter ?? (() => true));
  for (const object of objects) {
    if (opts.signal?.aborted) throw cancelledError();
    const change = removalOf(object);
    opts.onEvent?.({ kind: "resource", ...change, phase: "start" });
    try {
      await removeWithRetry(docker, object, tasksLeaving, opts.signal);
      tasksLeaving ||= object.kind === "service";
      removed.push(change);
      opts.onEvent?.({ kind: "resource", ...change, phase: "done" });
    } catch (error) {
      const message = (error as { json?: { message?: string } }).json?.message ?? (error as Error).message;
      failures.push(`${object.kind} ${object.name}: ${message}`);
      opts.onEvent?.({ kind: "resource", ...change, phase: "failed", message });
    }
  }
  if (failures.length > 0) {
    throw new LabctlError(
      `Some objects could not be removed: ${failures.join("; ")}.`,
      "Something outside this environment still uses them; stop it, then run down again.",
      ExitCode.infrastructure,
      "TEARDOWN_INCOMPLETE",
    );
  }
  return removed;
}

async function removeWithRetry(
  docker: Dockerode,
  object: DockerObject,
  tasksLeaving: boolean,
  signal?: AbortSignal,
) {
  const tries = tasksLeaving && (object.kind === "network" || object.kind === "volume") ? RETRIES : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      await removeObject(docker, object);
      if (object.kind === "network") await untilGone(docker, object.id, signal);
      return;
    } catch (error) {
      if (attempt >= tries) throw error;
      await sleep(POLL_MS, undefined, { signal });
    }
  }
}

/**
 * A removed overlay network is still listed by the node for a moment after the manager deleted
 * it: down waits until it is gone, so nothing labelled is left when it returns.
 */
async function untilGone(docker: Dockerode, id: string, signal?: AbortSignal) {
  for (let poll = 0; poll < GONE_POLLS; poll++) {
    const listed = await docker.listNetworks({ filters: { id: [id] } });
    if (!listed.some((network) => network.Id === id)) return;
    await sleep(POLL_MS / 4, undefined, { signal });
  }
}
