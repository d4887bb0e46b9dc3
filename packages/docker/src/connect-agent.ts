import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import { ConnectTimeout } from "./docker-errors";

export type CreateConnection = (
  options: object,
  callback: (error: Error | null, socket?: Socket) => void,
) => Socket;

/**
 * An HTTP(S) agent for tcp:// hosts whose sockets must connect within `connectMs`, or are
 * destroyed with ConnectTimeout: a host that drops packets answers nothing for minutes otherwise,
 * even for calls whose own budget is long. Keep-alive, like Node's global agent, so one client
 * reuses its connections.
 */
export function connectBoundedAgent(tls: boolean, connectMs: number, connect?: CreateConnection): http.Agent {
  const agent = tls ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const withAgent = agent as unknown as { createConnection: CreateConnection };
  const create = connect ?? withAgent.createConnection.bind(agent);
  withAgent.createConnection = (options, callback) => {
    const socket = create(options, callback);
    // Decided after the poll phase (setImmediate): when a busy process (a synchronous require,
    // a big JSON parse) stalled the loop past the budget, a connect that completed meanwhile is
    // seen first, and is no timeout.
    const timer = setTimeout(
      () =>
        setImmediate(() => {
          if (socket.connecting) socket.destroy(new ConnectTimeout(connectMs));
        }),
      connectMs,
    );
    socket.once("connect", () => clearTimeout(timer));
    socket.once("close", () => clearTimeout(timer));
    return socket;
  };
  return agent;
}
