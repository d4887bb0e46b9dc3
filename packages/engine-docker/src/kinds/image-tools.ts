import { ExitCode, LabctlError } from "@labctl/sdk";
import type Dockerode from "dockerode";

const PULL_TIMEOUT_MS = 5 * 60_000;

/** The local image under a reference or id, or undefined. */
export function localImage(docker: Dockerode, ref: string): Promise<Dockerode.ImageInspectInfo | undefined> {
  return docker
    .getImage(ref)
    .inspect()
    .catch(() => undefined);
}

/**
 * Reads a Docker progress stream (pull, push, build) to its end. An error event rejects with the
 * error and the last lines of output before it (a failing RUN step's own messages).
 */
export function followProgress(
  docker: Dockerode,
  stream: NodeJS.ReadableStream,
): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    docker.modem.followProgress(stream, (error: Error | null, events: Record<string, unknown>[] = []) => {
      const failed = events.findIndex((event) => event.error);
      if (error) return reject(error);
      if (failed < 0) return resolve(events);
      const tail = events
        .slice(0, failed)
        .map((event) => String(event.stream ?? "").trim())
        .filter(Boolean)
        .slice(-10);
      reject(new Error([String(events[failed]?.error).trim(), ...tail].join("\n  ")));
    });
  });
}

/**
 * The image a container or service runs: the local one when present (labs run offline from
 * pre-built stand-ins), pulled only when missing and a registry answers.
 */
export async function ensureImage(
  docker: Dockerode,
  ref: string,
  signal?: AbortSignal,
): Promise<Dockerode.ImageInspectInfo> {
  const present = await localImage(docker, ref);
  if (present) return present;
  try {
    const timeout = AbortSignal.timeout(PULL_TIMEOUT_MS);
    const abortSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
    await followProgress(docker, await docker.pull(ref, { abortSignal }));
  } catch (error) {
    throw new LabctlError(
      `image ${ref} is not on this Docker engine and could not be pulled: ${(error as Error).message}`,
      "load or build the image first (docker load, a local stand-in), or point the lab's image map at a reachable registry",
      ExitCode.infrastructure,
      "IMAGE_UNAVAILABLE",
      { cause: error },
    );
  }
  const pulled = await localImage(docker, ref);
  if (!pulled) throw new Error(`image ${ref} was pulled but cannot be found`);
  return pulled;
}
