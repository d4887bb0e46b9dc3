import type { RegistryAuth } from "@labctl/sdk";
import type Docker from "dockerode";

type ProgressEvent = { error?: string; errorDetail?: { message?: string } };

/**
 * Waits for a pull or push to finish. The engine answers 200 and then reports a refused login
 * or a missing manifest as an `error` event in the progress stream: that becomes a rejection.
 */
async function finish(docker: Docker, start: () => Promise<NodeJS.ReadableStream>): Promise<void> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = await start();
  } catch (e) {
    // The engine refused before streaming. Keep its own words, not dockerode's
    // "(HTTP code 500) server error - " prefix.
    const message = (e as Error).message.replace(/^\(HTTP code \d+\) [^-]*- /, "").trim();
    throw (e as { statusCode?: number }).statusCode ? new Error(message, { cause: e }) : e;
  }
  const events = await new Promise<ProgressEvent[]>((resolve, reject) =>
    docker.modem.followProgress(stream, (err: Error | null, out: ProgressEvent[]) =>
      err ? reject(err) : resolve(out),
    ),
  );
  const failed = events.find((e) => e.error !== undefined || e.errorDetail !== undefined);
  if (failed) throw new Error(failed.errorDetail?.message ?? failed.error ?? "failed");
}

// Without credentials, an empty auth header: the engine refuses a push that has none at all.

/** `docker pull`, logged in when `auth` is given. */
export function pullImage(docker: Docker, ref: string, auth?: RegistryAuth): Promise<void> {
  return finish(docker, () => docker.pull(ref, { authconfig: auth ?? {} }));
}

/** `docker push` of a local image. */
export function pushImage(docker: Docker, ref: string, auth?: RegistryAuth): Promise<void> {
  return finish(docker, () => docker.getImage(ref).push({ authconfig: auth ?? {} }));
}

/** `docker rmi` of one reference (other tags of the image stay); a missing image is fine. */
export async function removeImage(docker: Docker, ref: string): Promise<void> {
  try {
    await docker.getImage(ref).remove();
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode !== 404) throw e;
  }
}
