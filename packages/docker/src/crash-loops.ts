import { setTimeout as sleep } from "node:timers/promises";
import { ExitCode, LabctlError } from "@labctl/sdk";
import type Dockerode from "dockerode";
import { brokenReason, judgedByState } from "./broken-container";
import { containerLogs } from "./container-logs";
import { listObjects } from "./docker-objects";
import { containerView } from "./docker-views";

/** A container running for less than this is looked at again (Docker restarts after 100 ms, 200 ms…). */
export const MIN_UPTIME_MS = 1_500;

/**
 * How often a young container is looked at. A crash-looping one spends most of its time in
 * Docker's restart back-off (100 ms, 200 ms, 400 ms…) and is "running" for an instant each
 * time: a single second look can land in such an instant (seen on a cold CI engine).
 */
const POLL_MS = 100;

type Inspect = Awaited<ReturnType<Dockerode.Container["inspect"]>>;

const uptimeMs = (info: Inspect) => Date.now() - Date.parse(info.State.StartedAt);

/**
 * After an up, the environment's containers that waiting cannot fix, judged by the verify
 * runner's own rule (`brokenReason`): above all a crash loop, since a container that started,
 * crashed and was restarted by its policy is "running" for an instant, which a wait on running
 * (no healthcheck) takes for success. A container running for less than MIN_UPTIME_MS is looked
 * at again once it is that old, so an up waits at most that long, usually not at all.
 */
export async function crashLoops(
  docker: Dockerode,
  selector: Record<string, string>,
  opts: { minUptimeMs?: number; signal?: AbortSignal } = {},
): Promise<string[]> {
  const minUptime = opts.minUptimeMs ?? MIN_UPTIME_MS;
  const found: string[] = [];
  for (const object of await listObjects(docker, "container", selector)) {
    if (!judgedByState(object.labels)) continue; // a check's probe or a Swarm task
    const container = docker.getContainer(object.id);
    const info = await settled(container, minUptime, opts.signal);
    const reason = info && brokenReason(containerView(info));
    if (!reason) continue;
    const logs = (await containerLogs(container, 5).catch(() => "")).trim();
    found.push(`${reason}${logs ? `; last logs:\n${logs}` : ""}`);
  }
  return found;
}

/**
 * The container's state once it has run for minUptime, or its first state that is not
 * "running" before then. Bounded: a container restarted again and again in running instants
 * is given up on after three times minUptime and judged by its last look.
 */
async function settled(container: Dockerode.Container, minUptime: number, signal?: AbortSignal) {
  const deadline = Date.now() + 3 * minUptime;
  let info = await container.inspect().catch(() => undefined);
  while (info?.State.Running && uptimeMs(info) < minUptime && Date.now() < deadline) {
    await sleep(Math.min(minUptime - uptimeMs(info), POLL_MS), undefined, { signal });
    info = await container.inspect().catch(() => undefined);
  }
  return info;
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
