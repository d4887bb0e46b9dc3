import { ExitCode, LabctlError } from "@labctl/sdk";
import type Dockerode from "dockerode";

/** Docker's LocalNodeState: where this engine stands towards a swarm. */
export type NodeState = "inactive" | "pending" | "active" | "error" | "locked";

/** What labctl reads of the engine's swarm (Engine API `GET /info`, `.Swarm`). */
export interface SwarmState {
  state: NodeState;
  /** This node is a manager (it can create services). */
  manager: boolean;
  clusterId?: string;
  nodeAddr?: string;
  /** Nodes in the swarm (managers see it). */
  nodes?: number;
  error?: string;
  /** The engine's kernel (`KernelVersion`): tells whether it is this machine's. */
  kernel?: string;
}

interface InfoSwarm {
  LocalNodeState?: string;
  ControlAvailable?: boolean;
  NodeAddr?: string;
  Nodes?: number;
  Error?: string;
  Cluster?: { ID?: string };
}

/** The engine's swarm state, read once (a bounded GET /info). */
export async function swarmState(docker: Dockerode): Promise<SwarmState> {
  const info = (await docker.info()) as { Swarm?: InfoSwarm; KernelVersion?: string };
  const swarm = info.Swarm ?? {};
  const state = (swarm.LocalNodeState || "inactive") as NodeState;
  return {
    state,
    manager: state === "active" && swarm.ControlAvailable === true,
    ...(swarm.Cluster?.ID && { clusterId: swarm.Cluster.ID }),
    ...(swarm.NodeAddr && { nodeAddr: swarm.NodeAddr }),
    ...(typeof swarm.Nodes === "number" && { nodes: swarm.Nodes }),
    ...(swarm.Error && { error: swarm.Error }),
    ...(info.KernelVersion && { kernel: info.KernelVersion }),
  };
}

/**
 * Why labctl cannot use this engine's swarm, or undefined when it can (not in one: labctl makes
 * one; a manager: labctl uses it). labctl never changes a swarm it did not create, so a worker
 * or a locked, joining or broken node is the person's to fix.
 */
export function swarmRefusal(s: SwarmState, host: string): LabctlError | undefined {
  const refuse = (problem: string, advice: string, code: string) =>
    new LabctlError(`The Docker engine at ${host} ${problem}.`, advice, ExitCode.infrastructure, code);
  switch (s.state) {
    case "inactive":
      return undefined;
    case "active":
      return s.manager
        ? undefined
        : refuse(
            "is a worker of a swarm: Swarm labs need a manager to create services",
            "Point labctl at a manager (--docker-host, DOCKER_HOST or dockerHost), or promote this node from a manager with `docker node promote <node>`. labctl never leaves a swarm it did not create.",
            "SWARM_WORKER",
          );
    case "locked":
      return refuse(
        "is in a locked swarm (autolock: the manager restarted and waits for its unlock key)",
        "Unlock it with `docker swarm unlock` and the key from `docker swarm unlock-key`, then retry.",
        "SWARM_LOCKED",
      );
    case "pending":
      return refuse(
        "is still joining a swarm",
        "Wait for the join to finish (`docker info` shows Swarm: active), or cancel it with `docker swarm leave`, then retry.",
        "SWARM_PENDING",
      );
    default:
      return refuse(
        `is in a swarm in an error state${s.error ? ` (${s.error})` : ""}`,
        "Look at `docker info` and the engine's log; repair or leave that swarm yourself (labctl will not), then retry.",
        "SWARM_ERROR",
      );
  }
}
