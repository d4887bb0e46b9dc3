import type { ContainerView } from "@labctl/sdk";

/** Set by the runner on the one-off containers checks start (`docker.run`): never part of a triage. */
export const ONE_OFF_LABEL = "dev.labctl.one-off";

/** Docker's label on a Swarm task's container: the swarm replaces an exited one and keeps its history. */
export const SWARM_TASK_LABEL = "com.docker.swarm.task.id";

/**
 * Whether labctl judges this container's state itself: not a check's one-off probe, and not a
 * Swarm task (its service's convergence is what the lab's checks judge).
 */
export const judgedByState = (labels: Record<string, string>): boolean =>
  labels[ONE_OFF_LABEL] === undefined && labels[SWARM_TASK_LABEL] === undefined;

/** Restart policies under which an exited container may simply have finished its job. */
const MAY_FINISH = new Set(["", "no", "on-failure"]);

const RERUN = "re-run `labctl up`";

/**
 * What is wrong with a container in a way waiting cannot fix, or undefined when it may still
 * become ready (running, starting, a job that finished). A container meant to run is one with a
 * restart policy that would have kept it up; labctl cannot tell a run-to-completion job from a
 * stopped service otherwise, so a container without one is broken only when it exited non-zero.
 */
export function brokenReason(c: ContainerView): string | undefined {
  const { status, exitCode, restartCount = 0 } = c.state;
  const cannot = "waiting cannot fix this";
  switch (status) {
    case "restarting":
      // Docker only restarts a container its policy brings back after it exited.
      return `${c.name} is restarting in a loop (${restartCount} restart${restartCount === 1 ? "" : "s"}, last exit code ${exitCode}) — ${cannot}: read \`docker logs ${c.name}\`, fix the cause, then ${RERUN}`;
    case "exited":
      if (MAY_FINISH.has(c.restartPolicy) && exitCode === 0) return undefined;
      return `${c.name} is exited (code ${exitCode}) — ${cannot}: start it again or ${RERUN}`;
    case "dead":
      return `${c.name} is dead (code ${exitCode}) — ${cannot}: remove it and ${RERUN}`;
    case "created":
      // Without a restart policy it may be a container meant to stay unstarted (or one being made).
      if (MAY_FINISH.has(c.restartPolicy)) return undefined;
      return `${c.name} was created but never started — ${cannot}: start it or ${RERUN}`;
    case "paused":
      return `${c.name} is paused — ${cannot}: \`docker unpause ${c.name}\``;
    default:
      return undefined;
  }
}

/** The environment's broken containers, one cause each; one-off probes and Swarm tasks left out. */
export function brokenContainers(containers: ContainerView[]): string[] {
  return containers
    .filter((c) => judgedByState(c.labels))
    .flatMap((c) => brokenReason(c) ?? [])
    .sort();
}
