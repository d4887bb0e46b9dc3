import { PassThrough, Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import type Dockerode from "dockerode";

type Modem = Pick<Dockerode["modem"], "demuxStream">;

/** The start of a multiplexed frame: stream id 0-2, three zero bytes, then the length. */
const framed = (raw: Buffer) => raw.length >= 8 && (raw[0] ?? 3) <= 2 && raw.readUIntBE(1, 3) === 0;

/**
 * Docker's log stream for a container without a TTY is multiplexed (frames with an 8-byte header,
 * split by the modem's demuxer); a TTY container's stream is raw text and passes through.
 */
export async function demuxLogs(raw: Buffer, modem: Modem): Promise<string> {
  if (!framed(raw)) return raw.toString("utf8");
  const source = Readable.from([raw]);
  const joined = new PassThrough();
  // Both streams into one, in order: what `docker logs` prints.
  modem.demuxStream(source, joined, joined);
  source.on("end", () => joined.end());
  return (await buffer(joined)).toString("utf8");
}

/** A container's stdout and stderr, interleaved, optionally only the last lines. */
export async function containerLogs(container: Dockerode.Container, tail?: number): Promise<string> {
  const raw = await container.logs({
    stdout: true,
    stderr: true,
    follow: false,
    tail: tail ?? "all",
  } as never);
  return demuxLogs(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)), container.modem);
}
