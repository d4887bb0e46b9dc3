import { type LabctlHome, loadConfig } from "@labctl/core";
import { cancelledError } from "@labctl/docker";
import { ExitCode, isLabctlError, LabctlError, type SwarmPublishing } from "@labctl/sdk";
import type Dockerode from "dockerode";
import { advertiseAddress } from "./advertise-address";
import { engineHost } from "./engine-host";
import { engineLocation } from "./engine-location";
import { choosePublishing, type PublishingSetting } from "./publishing-mode";
import { carriesMark, SWARM_MARK } from "./swarm-mark";
import { readSwarmEntry, writeSwarmEntry } from "./swarm-record";
import { type SwarmState, swarmRefusal, swarmState } from "./swarm-state";

export interface PrepareOptions {
  home: LabctlHome;
  docker: Dockerode;
  signal?: AbortSignal;
  /** Default: config.yaml's swarmPublishing (auto). */
  publishing?: PublishingSetting;
  /** How long the new swarm may take to show this node as its manager. */
  readyMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes the engine a swarm manager when it is in no swarm (an explicit advertise address, the
 * swarm marked and recorded as labctl's), uses a swarm it is already a manager of (recorded as
 * not labctl's: labctl will never leave or change it), refuses any other state with what to do,
 * and says how services publish on it.
 */
export async function prepareSwarm(opts: PrepareOptions): Promise<{ swarm: SwarmPublishing }> {
  const { home, docker, signal } = opts;
  const host = engineHost(docker);
  // Another run (a class's other students) may be initialising this very swarm: wait it out.
  let state = await settledState(docker, opts.readyMs ?? 30_000, signal);
  const refusal = swarmRefusal(state, host);
  if (refusal) throw refusal;
  const location = engineLocation(host, state.kernel);
  if (state.state === "inactive") {
    if (signal?.aborted) throw cancelledError();
    const address = await advertiseAddress(location);
    const created = await initSwarm(docker, host, address);
    state = await managerReady(docker, host, opts.readyMs ?? 30_000, signal);
    if (created && state.clusterId) {
      const at = new Date().toISOString();
      writeSwarmEntry(home, host, { created: true, clusterId: state.clusterId, advertiseAddr: address, at });
    } else await noteExisting(opts, host, state);
  } else await noteExisting(opts, host, state);
  const setting = opts.publishing ?? loadConfig(home).swarmPublishing;
  return { swarm: { mode: choosePublishing(setting, location).mode } };
}

/**
 * Polls the engine's swarm state every 250 ms until `done` holds or `ms` has passed; the last
 * state either way, and whether `done` held.
 */
async function pollSwarm(
  docker: Dockerode,
  ms: number,
  done: (state: SwarmState) => boolean,
  signal?: AbortSignal,
): Promise<{ state: SwarmState; met: boolean }> {
  const deadline = Date.now() + ms;
  for (;;) {
    const state = await swarmState(docker);
    if (done(state)) return { state, met: true };
    if (signal?.aborted) throw cancelledError();
    if (Date.now() > deadline) return { state, met: false };
    await sleep(250);
  }
}

/** The engine's swarm state once it is no longer "pending" (joining or being initialised), within `ms`. */
const settledState = async (docker: Dockerode, ms: number, signal?: AbortSignal) =>
  (await pollSwarm(docker, ms, (s) => s.state !== "pending", signal)).state;

/** Inits the swarm; false when another run got there first ("already part of a swarm"). */
async function initSwarm(docker: Dockerode, host: string, address: string): Promise<boolean> {
  try {
    await docker.swarmInit({
      AdvertiseAddr: address,
      ListenAddr: "0.0.0.0:2377",
      Spec: { Labels: SWARM_MARK },
    });
    return true;
  } catch (error) {
    if (isLabctlError(error)) throw error;
    const message = (error as Error).message;
    if (/already part of a swarm/i.test(message)) return false;
    throw new LabctlError(
      `The Docker engine at ${host} refused to start a swarm advertising ${address}: ${message}`,
      "Start one yourself (`docker swarm init --advertise-addr <address>`), then retry: labctl uses a swarm it finds and never leaves it.",
      ExitCode.infrastructure,
      "SWARM_INIT_FAILED",
      { cause: error },
    );
  }
}

/** The state once the node reports itself an active manager, within `ms`. */
async function managerReady(
  docker: Dockerode,
  host: string,
  ms: number,
  signal?: AbortSignal,
): Promise<SwarmState> {
  const { state, met } = await pollSwarm(docker, ms, (s) => s.manager && Boolean(s.clusterId), signal);
  if (met) return state;
  throw new LabctlError(
    `The swarm at ${host} did not show this node as an active manager within ${Math.round(ms / 1000)} s (state: ${state.state}).`,
    "Look at `docker info` and the engine's log; retry once it says Swarm: active.",
    ExitCode.infrastructure,
    "SWARM_NOT_READY",
  );
}

/**
 * A swarm labctl found: recorded as not labctl's, unless this home already knows it (same cluster)
 * or it carries labctl's mark (another labctl run is creating it right now, or another home did).
 */
async function noteExisting(opts: PrepareOptions, host: string, state: SwarmState): Promise<void> {
  if (!state.clusterId) return;
  if (readSwarmEntry(opts.home, host)?.clusterId === state.clusterId) return;
  if (await carriesMark(opts.docker)) return;
  writeSwarmEntry(opts.home, host, {
    created: false,
    clusterId: state.clusterId,
    at: new Date().toISOString(),
  });
}
