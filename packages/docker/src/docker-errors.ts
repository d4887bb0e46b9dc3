import { ExitCode, LabctlError } from "@labctl/sdk";

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** What to look at when an engine does not answer, by the kind of host. */
function wedgedAdvice(host: string): string {
  if (host.startsWith("ssh://"))
    return "Is the remote machine up, and does `docker info` answer there? A stale SSH connection or a wedged dockerd (`sudo systemctl restart docker` on it) looks like this. Then try again.";
  if (host.startsWith("tcp://"))
    return (
      "Is that machine up and its dockerd answering (`docker -H " +
      host +
      " info`)? A firewall dropping packets or a stale tunnel looks like this. Then try again."
    );
  return "Is dockerd wedged? Check `systemctl status docker` and `docker info`; `sudo systemctl restart docker` usually clears it. Then try again.";
}

/** The engine accepted the request but did not answer within its budget. */
export function dockerTimeout(host: string, label: string, ms: number): LabctlError {
  return new LabctlError(
    `The Docker engine at ${host} did not answer within ${seconds(ms)} (${label}).`,
    wedgedAdvice(host),
    ExitCode.infrastructure,
    "DOCKER_TIMEOUT",
  );
}

/** Raised by the connection layer when a socket or SSH session is not ready within the connect budget. */
export class ConnectTimeout extends Error {
  readonly code = "DOCKER_CONNECT_TIMEOUT";
  constructor(readonly ms: number) {
    super(`no connection within ${seconds(ms)}`);
  }
}

const CONNECT_SYSCALLS = new Set(["connect", "getaddrinfo"]);
const DROPPED = new Set(["ECONNRESET", "EPIPE"]);

type NetError = Error & { code?: string; syscall?: string; level?: string };

/** An error of reaching the engine (socket, network, TLS, SSH), as opposed to an answer from it. */
export function isConnectionError(error: unknown): error is NetError {
  // Not `instanceof Error`: Node's own errors may come from another realm (jest's sandbox).
  if (typeof error !== "object" || error === null || !("message" in error)) return false;
  const e = error as NetError;
  if (error instanceof ConnectTimeout) return true;
  if (e.syscall && CONNECT_SYSCALLS.has(e.syscall)) return true;
  if (e.code && DROPPED.has(e.code)) return true;
  // ssh2 marks its errors with a level (client-socket, client-timeout, client-authentication...).
  if (typeof e.level === "string" && e.level.startsWith("client-")) return true;
  return (
    typeof e.code === "string" && /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(e.code)
  );
}

function unreachableAdvice(host: string, e: NetError): string {
  const elsewhere = "or point --docker-host, DOCKER_HOST or config.yaml's dockerHost at a running engine";
  if (e.code === "ENOENT")
    return `There is no socket at that path. Start Docker (\`sudo systemctl start docker\`, or Docker Desktop), ${elsewhere}.`;
  if (e.code === "EACCES" || e.code === "EPERM")
    return "Your user may not use that socket: add it to the docker group (`sudo usermod -aG docker $USER`, then log in again), or run as root.";
  if (e.code === "ENOTFOUND" || e.code === "EAI_AGAIN")
    return `The host name does not resolve: check its spelling and your DNS, ${elsewhere}.`;
  if (e.level === "client-authentication")
    return `SSH refused the login: check that \`ssh ${host.slice("ssh://".length)}\` works with a key (ssh-agent, SSH_AUTH_SOCK).`;
  if (e.code && DROPPED.has(e.code))
    return "The engine closed the connection without answering: it may be restarting. Check `docker info`, then try again.";
  if (/^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(e.code ?? ""))
    return "The TLS handshake failed: check DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) and DOCKER_TLS_VERIFY.";
  return `Start Docker (\`sudo systemctl start docker\`, or Docker Desktop), ${elsewhere}.`;
}

/** The engine could not be reached at all: no socket, refused, unknown host, TLS or SSH failure. */
export function dockerUnreachable(host: string, error: Error): LabctlError {
  const e = error as NetError;
  return new LabctlError(
    `Cannot reach the Docker engine at ${host}: ${e.message.replace(/\.$/, "")}.`,
    unreachableAdvice(host, e),
    ExitCode.infrastructure,
    "DOCKER_UNREACHABLE",
    { cause: error },
  );
}
