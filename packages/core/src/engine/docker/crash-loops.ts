import { setTimeout as sleep } from "node:timers/promises";
import type Dockerode from "dockerode";
import { ExitCode, LabctlError } from "../../errors";
import { containerLogs } from "./container-logs";
import { listObjects } from "./docker-objects";

/** How long after an up containers get to show a crash loop (Docker restarts after 100 ms, 200 ms…). */
export const SETTLE_MS = 2_500;

/**
 * After an up, the environment's containers that are restarting in a loop: a container that
 * started, crashed and was restarted by its policy is "running" for an instant, which a wait
 * on running (no healthcheck) takes for success. Named with their exit code and last logs.
 */
export async function crashLoops(
  docker: Dockerode,
  selector: Record<string, string>,
  opts: { settleMs?: number; signal?: AbortSignal } = {},
): Promise<string[]> {
  await sleep(opts.settleMs ?? SETTLE_MS, undefined, { signal: opts.signal });
  const looping: string[] = [];
  for (const object of await listObjects(docker, "container", selector)) {
    const container = docker.getContainer(object.id);
    const info = await container.inspect().catch(() => undefined);
    if (!info || !(info.State.Restarting || (info.RestartCount > 0 && !info.State.Running))) continue;
    const logs = (await containerLogs(container, 5).catch(() => "")).trim();
    looping.push(
      `${object.name} is restarting in a loop (exit code ${info.State.ExitCode}, restarted ${info.RestartCount} times)${logs ? `; last logs:\n${logs}` : ""}`,
    );
  }
  return looping;
}

export function crashLoopError(looping: string[]): LabctlError {
  const names = looping.map((l) => l.split(" ")[0]).join(", ");
  return new LabctlError(
    `The environment is up but ${looping.join("\n")}`,
    `Look at \`docker logs ${names}\`: a wrong setting (a password, a host name) or a missing service usually makes it crash; fix it, then run up again.`,
    ExitCode.infrastructure,
    "CONTAINER_CRASH_LOOP",
  );
}
