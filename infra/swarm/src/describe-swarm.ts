import { type LabctlHome, loadConfig } from "@labctl/core";
import type Dockerode from "dockerode";
import { engineHost } from "./engine-host";
import { engineLocation } from "./engine-location";
import { choosePublishing, type PublishingSetting } from "./publishing-mode";
import { carriesMark } from "./swarm-mark";
import { readSwarmEntry } from "./swarm-record";
import { swarmRefusal, swarmState } from "./swarm-state";

export interface SwarmFinding {
  name: string;
  status: "ok" | "warn" | "fail";
  detail: string;
}

/**
 * What doctor says about Swarm on this engine, read only: in a swarm or not, manager or not,
 * created by labctl or not, and the publishing mode swarm labs will use. A state labctl cannot
 * use is a warning (only swarm labs need it), with what to do.
 */
export async function describeSwarm(opts: {
  home: LabctlHome;
  docker: Dockerode;
  publishing?: PublishingSetting;
}): Promise<SwarmFinding[]> {
  const { home, docker } = opts;
  const host = engineHost(docker);
  const state = await swarmState(docker);
  const refusal = swarmRefusal(state, host);
  let swarm: SwarmFinding;
  if (refusal) swarm = { name: "swarm", status: "warn", detail: `${refusal.message} ${refusal.advice}` };
  else if (state.state === "inactive")
    swarm = {
      name: "swarm",
      status: "ok",
      detail:
        "not in a swarm: `labctl up` of a swarm lab makes this engine a single-node manager, and the last `down` leaves it",
    };
  else {
    const entry = readSwarmEntry(home, host);
    const ours = entry?.created === true && entry.clusterId === state.clusterId;
    const who = ours
      ? "created by labctl (this home): the last `down` of a swarm lab leaves it"
      : (await carriesMark(docker))
        ? "created by labctl from another home: this one never leaves it"
        : "not created by labctl: labctl uses it and never leaves or changes it";
    const nodes = state.nodes === undefined ? "" : `, ${state.nodes} node(s)`;
    swarm = {
      name: "swarm",
      status: "ok",
      detail: `active, this node is a manager (${state.nodeAddr ?? "address unknown"}${nodes}); ${who}`,
    };
  }
  const setting = opts.publishing ?? loadConfig(home).swarmPublishing;
  const choice = choosePublishing(setting, engineLocation(host, state.kernel));
  return [swarm, { name: "swarm publish", status: "ok", detail: `${choice.mode}: ${choice.reason}` }];
}
