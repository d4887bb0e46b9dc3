import { type CheckResult, fail, pass } from "./check";
import type { ContainerView, DockerProbe } from "./docker-probe";

/**
 * A lab container that must be up: it exists, runs, and is healthy when it has a healthcheck.
 * Gives the container, or the failing result naming what is wrong (`role` names it for people).
 */
export async function runningContainer(
  docker: DockerProbe,
  role: string,
  name: string,
): Promise<{ container: ContainerView } | { failure: CheckResult }> {
  const container = await docker.container(name);
  if (!container) return { failure: fail(`${role} container ${name} does not exist`) };
  const { status, running, exitCode, health, restartCount = 0 } = container.state;
  // Docker reports a container waiting to be restarted as running: name the crash loop instead.
  if (status === "restarting") {
    const restarts = `${restartCount} restart${restartCount === 1 ? "" : "s"} so far`;
    return {
      failure: fail(
        `${role} container ${name} keeps crashing: it is restarting (${restarts}, last exit code ${exitCode})`,
      ),
    };
  }
  if (!running) return { failure: fail(`${role} container ${name} is ${status} (exit code ${exitCode})`) };
  if (health !== undefined && health !== "healthy") {
    return { failure: fail(`${role} container ${name} is running but its healthcheck reports ${health}`) };
  }
  return { container };
}

/** The whole "is it running" check: pass names the container and its health. */
export async function checkContainerRunning(
  docker: DockerProbe,
  role: string,
  name: string,
): Promise<CheckResult> {
  const found = await runningContainer(docker, role, name);
  if ("failure" in found) return found.failure;
  return pass(`${role} container ${name} is running${found.container.state.health ? " and healthy" : ""}`);
}
