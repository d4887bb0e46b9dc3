import { setTimeout as sleep } from "node:timers/promises";
import type Dockerode from "dockerode";
import { ExitCode, LabctlError } from "../../errors";
import { containerLogs } from "../../probes/container-logs";
import { listObjects } from "./docker-objects";

/** A container running for less than this is looked at again (Docker restarts after 100 ms, 200 ms…). */
export const MIN_UPTIME_MS = 1_500;

type Inspect = Awaited<ReturnType<Dockerode.Container["inspect"]>>;

const looping = (info: Inspect) => info.State.Restarting || (info.RestartCount > 0 && !info.State.Running);
const uptimeMs = (info: Inspect) => Date.now() - Date.parse(info.State.StartedAt);

/**
 * After an up, the environment's containers that are restarting in a loop: a container that
 * started, crashed and was restarted by its policy is "running" for an instant, which a wait on
 * running (no healthcheck) takes for success. A container started less than MIN_UPTIME_MS ago
 * is looked at again once it is that old, so an up waits at most that long, usually not at all.
 */
export async function crashLoops(
  docker: Dockerode,
  selector: Record<string, string>,
  opts: { minUptimeMs?: number; signal?: AbortSignal } = {},
): Promise<string[]> {
  const minUptime = opts.minUptimeMs ?? MIN_UPTIME_MS;
  const found: string[] = [];
  for (const object of await listObjects(docker, "container", selector)) {
    const container = docker.getContainer(object.id);
    let info = await container.inspect().catch(() => undefined);
    if (info?.State.Running && !looping(info) && uptimeMs(info) < minUptime) {
      await sleep(minUptime - uptimeMs(info), undefined, { signal: opts.signal });
      info = await container.inspect().catch(() => undefined);
    }
    if (!info || !looping(info)) continue;
    const logs = (await containerLogs(container, 5).catch(() => "")).trim();
    found.push(
      `${object.name} is restarting in a loop (exit code ${info.State.ExitCode}, restarted ${info.RestartCount} times)${logs ? `; last logs:\n${logs}` : ""}`,
    );
  }
  return found;
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
