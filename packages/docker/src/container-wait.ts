import { setTimeout as sleep } from "node:timers/promises";
import { ExitCode, LabctlError } from "@labctl/sdk";
import type Dockerode from "dockerode";
import { containerLogs } from "./container-logs";

const POLL_MS = 250;
/** Restarts seen while waiting that make it a loop: waiting longer cannot fix it. */
const RESTART_LOOP = 3;

type Inspect = Dockerode.ContainerInspectInfo;

async function poll(
  container: Dockerode.Container,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  done: (info: Inspect) => boolean,
): Promise<Inspect | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await container.inspect();
    if (done(info)) return info;
    if (Date.now() >= deadline) return undefined;
    await sleep(POLL_MS, undefined, { signal });
  }
}

const exited = (info: Inspect) =>
  !info.State.Running && !info.State.Restarting && info.State.Status !== "created";

/**
 * Waits until the container is healthy, or running when it has no healthcheck (`wait: true`).
 * Fails early when it exits or restarts in a loop (its restart policy hides the exit), and at
 * the deadline with its last health report and logs.
 */
export async function waitUntilReady(
  container: Dockerode.Container,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  let last: Inspect | undefined;
  let firstRestarts: number | undefined;
  const restarts = (info: Inspect) => (info.RestartCount ?? 0) - (firstRestarts ?? 0);
  const ready = await poll(container, timeoutMs, signal, (info) => {
    last = info;
    firstRestarts ??= info.RestartCount ?? 0;
    if (exited(info) || restarts(info) >= RESTART_LOOP) return true;
    return info.State.Health ? info.State.Health.Status === "healthy" : info.State.Running;
  });
  const looping = ready !== undefined && restarts(ready) >= RESTART_LOOP;
  if (ready && !exited(ready) && !looping) return;
  const name = (last?.Name ?? container.id).replace(/^\//, "");
  const why = !ready
    ? `was not ${last?.State.Health ? "healthy" : "running"} after ${timeoutMs / 1000}s`
    : looping
      ? `is restarting in a loop (${restarts(ready)} restarts while waiting; last exit code ${ready.State.ExitCode})`
      : `exited with code ${ready.State.ExitCode}`;
  const health = last?.State.Health?.Log?.at(-1)?.Output?.trim();
  const logs = (await containerLogs(container, 20).catch(() => "")).trim();
  throw new LabctlError(
    [`container ${name} ${why}`, health && `last health check: ${health}`, logs && `last logs:\n${logs}`]
      .filter(Boolean)
      .join("\n"),
    `look at \`docker logs ${name}\` and its healthcheck, fix the lab or its image, then run up again`,
    ExitCode.infrastructure,
    "CONTAINER_NOT_READY",
  );
}

/** Waits for a run-to-completion container (`attach: true`) to exit; returns its exit code. */
export async function waitForExit(
  container: Dockerode.Container,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<number> {
  const info = await poll(container, timeoutMs, signal, exited);
  if (!info) {
    throw new LabctlError(
      `container ${container.id.slice(0, 12)} was still running after ${timeoutMs / 1000}s`,
      "a container with attach: true must run to completion; raise waitTimeout or fix its command",
      ExitCode.infrastructure,
      "CONTAINER_NOT_DONE",
    );
  }
  return info.State.ExitCode;
}
