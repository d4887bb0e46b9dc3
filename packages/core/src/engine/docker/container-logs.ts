import type Dockerode from "dockerode";

/**
 * Docker's log stream for a container without a TTY is multiplexed: frames of an 8-byte header
 * (stream id, 3 zero bytes, big-endian length) and a payload. A TTY container's stream is raw.
 */
export function demuxLogs(buffer: Buffer): string {
  const chunks: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const stream = buffer[offset];
    const size = buffer.readUInt32BE(offset + 4);
    if ((stream !== 0 && stream !== 1 && stream !== 2) || buffer.readUIntBE(offset + 1, 3) !== 0) {
      return buffer.toString("utf8");
    }
    chunks.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return offset === 0 && buffer.length > 0 ? buffer.toString("utf8") : Buffer.concat(chunks).toString("utf8");
}

/** A container's stdout and stderr, interleaved, optionally only the last lines. */
export async function containerLogs(container: Dockerode.Container, tail?: number): Promise<string> {
  const raw = await container.logs({
    stdout: true,
    stderr: true,
    follow: false,
    tail: tail ?? "all",
  } as never);
  return demuxLogs(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)));
}
