import { mkdtempSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A stand-in Docker engine on a temporary unix socket, for tests that need no Docker. */
export interface FakeDockerEngine {
  /** unix:///tmp/.../docker.sock */
  host: string;
  socketPath: string;
  close(): Promise<void>;
}

const socketIn = () => join(mkdtempSync(join(tmpdir(), "labctl-fake-docker-")), "docker.sock");

function closing(server: net.Server, sockets: Set<net.Socket>): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (server instanceof http.Server) server.closeAllConnections();
      server.close(() => resolve());
    });
}

function track(server: net.Server): Set<net.Socket> {
  const sockets = new Set<net.Socket>();
  server.on("connection", (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return sockets;
}

/** A wedged dockerd: accepts every connection, reads what it is sent, never answers. */
export async function wedgedDockerEngine(): Promise<FakeDockerEngine> {
  const socketPath = socketIn();
  const server = net.createServer((socket) => socket.resume());
  const sockets = track(server);
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return { host: `unix://${socketPath}`, socketPath, close: closing(server, sockets) };
}

/** An engine answering with `handler`; `upgrade` handles hijacked calls (exec start, attach). */
export async function answeringDockerEngine(
  handler: http.RequestListener,
  upgrade?: (req: http.IncomingMessage, socket: net.Socket) => void,
): Promise<FakeDockerEngine> {
  const socketPath = socketIn();
  const server = http.createServer(handler);
  if (upgrade) server.on("upgrade", (req, socket) => upgrade(req, socket as net.Socket));
  const sockets = track(server);
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return { host: `unix://${socketPath}`, socketPath, close: closing(server, sockets) };
}

/** Writes `chunks` one every `everyMs`, then ends (a slow log or progress stream). */
export function trickle(res: http.ServerResponse, chunks: string[], everyMs: number): void {
  let i = 0;
  const next = () => {
    if (res.destroyed) return;
    if (i === chunks.length) return res.end();
    res.write(chunks[i++]);
    setTimeout(next, everyMs);
  };
  next();
}
