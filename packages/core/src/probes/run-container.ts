import { containerLogs } from "@labctl/docker";
import type { RunOptions, RunResult } from "@labctl/sdk";
import type Docker from "dockerode";

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_LOGS = 64 * 1024;

/**
 * `docker run --rm --network none <image> <cmd...>` (or `--network <opts.network>`) for checks: create, start, wait, read the
 * logs, remove. The container carries the environment's labels so `down` finds it should this
 * process die before removing it. A start the engine refuses (the command is not in the image)
 * is a result, like the docker CLI's exit 126/127, not a thrown error.
 */
export async function runContainer(docker: Docker, image: string, opts: RunOptions): Promise<RunResult> {
  const container = await docker.createContainer({
    Image: image,
    Cmd: opts.cmd,
    Labels: opts.labels,
    HostConfig: { NetworkMode: opts.network ?? "none" },
  });
  try {
    try {
      await container.start();
    } catch (error) {
      if (!(error as { statusCode?: number }).statusCode) throw error;
      const { State } = await container.inspect();
      const logs = State.Error || (error as Error).message;
      return { exitCode: State.ExitCode || 125, logs, timedOut: false };
    }
    const timedOut = await exitsWithin(container, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const { State } = await container.inspect();
    const logs = (await containerLogs(container)).slice(-MAX_LOGS);
    return { exitCode: State.ExitCode, logs, timedOut };
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

/** Waits for the container to exit; past the timeout, kills it and answers true. */
async function exitsWithin(container: Docker.Container, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const outcome = await Promise.race([container.wait(), timeout]);
    if (outcome !== "timeout") return false;
    await container.kill().catch(() => undefined);
    await container.wait().catch(() => undefined);
    return true;
  } finally {
    clearTimeout(timer);
  }
}
