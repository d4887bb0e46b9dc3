import { readFileSync } from "node:fs";
import type { Agent } from "node:http";
import { userInfo } from "node:os";
import { join } from "node:path";
import { ExitCode, isLabctlError, LabctlError } from "@labctl/sdk";
import type Dockerode from "dockerode";
import { boundDial, type DialingModem } from "./bounded-dial";
import { connectBoundedAgent } from "./connect-agent";
import { DEFAULT_BUDGETS, type DockerBudgets } from "./docker-budgets";
import { DOCKER_HOST_FORMS, type DockerEndpoint, parseDockerHost } from "./docker-host";
import { hostFromEnvironment } from "./docker-host-precedence";

export { DEFAULT_BUDGETS, type DockerBudgets } from "./docker-budgets";
export { dockerTimeout, dockerUnreachable } from "./docker-errors";
export { DEFAULT_DOCKER_HOST, DOCKER_HOST_FORMS, parseDockerHost } from "./docker-host";
export {
  type DockerHostSource,
  hostFromEnvironment,
  type ResolvedDockerHost,
  resolveDockerHost,
} from "./docker-host-precedence";

function endpointOf(host: string): DockerEndpoint {
  const parsed = parseDockerHost(host);
  if (parsed.ok) return parsed.endpoint;
  throw new LabctlError(
    `${JSON.stringify(host)} is not a Docker host: ${parsed.problem}.`,
    `Use one of: ${DOCKER_HOST_FORMS}.`,
    ExitCode.badInput,
    "BAD_DOCKER_HOST",
  );
}

/** DOCKER_CERT_PATH's client certificate, as docker-modem reads it for DOCKER_HOST. */
function tlsFiles(env: NodeJS.ProcessEnv): { ca?: Buffer; cert?: Buffer; key?: Buffer } {
  const dir = env.DOCKER_CERT_PATH;
  if (!dir) return {};
  const read = (name: string) => {
    try {
      return readFileSync(join(dir, name));
    } catch (e) {
      throw new LabctlError(
        `Cannot read ${join(dir, name)} (DOCKER_CERT_PATH): ${(e as Error).message}.`,
        "Point DOCKER_CERT_PATH at the directory holding ca.pem, cert.pem and key.pem, or unset it.",
        ExitCode.missingInput,
      );
    }
  };
  return { ca: read("ca.pem"), cert: read("cert.pem"), key: read("key.pem") };
}

/** docker-modem also takes an http.Agent (its types do not say so). */
export type DockerClientOptions = Dockerode.DockerOptions & { agent?: Agent };

/**
 * Dockerode options for a Docker host as Docker spells it (see parseDockerHost). Every field is
 * explicit: the client must connect where labctl's precedence says, never where DOCKER_HOST does.
 */
export function dockerHostOptions(
  host: string,
  budgets: DockerBudgets = DEFAULT_BUDGETS,
  env: NodeJS.ProcessEnv = process.env,
): DockerClientOptions {
  const endpoint = endpointOf(host);
  const none = { socketPath: undefined, host: undefined, port: undefined, protocol: undefined };
  switch (endpoint.kind) {
    case "unix":
    case "npipe":
      // A local socket connects, or fails, at once: it needs no connect budget (and a busy
      // process must not take its own stall for the engine's).
      return { ...none, socketPath: endpoint.path };
    case "ssh":
      return {
        ...none,
        protocol: "ssh",
        host: endpoint.host,
        port: endpoint.port,
        // OpenSSH's default, as with the docker CLI: the local user name.
        username: endpoint.user ?? userInfo().username,
        sshOptions: { agent: env.SSH_AUTH_SOCK, readyTimeout: budgets.connectMs },
      } as Dockerode.DockerOptions;
    case "tcp": {
      const tls = endpoint.port === 2376 || env.DOCKER_TLS_VERIFY === "1";
      return {
        ...none,
        host: endpoint.host,
        port: endpoint.port,
        protocol: tls ? "https" : "http",
        agent: connectBoundedAgent(tls, budgets.connectMs),
        ...(tls ? tlsFiles(env) : {}),
      };
    }
  }
}

const hosts = new WeakMap<Dockerode, string>();

/** The host a client made by dockerClient talks to, for messages. */
export const dockerHostOf = (docker: Dockerode): string | undefined => hosts.get(docker);

/**
 * A Docker Engine API client for `host`, every call of it bounded (DockerBudgets; DOCKER_TIMEOUT
 * and DOCKER_UNREACHABLE name the host). labctl's commands always pass the host their config
 * resolved; without one (tests, labs' helpers) it follows DOCKER_HOST, then the local socket.
 */
export function dockerClient(host?: string, opts: { budgets?: Partial<DockerBudgets> } = {}): Dockerode {
  const target = host ?? hostFromEnvironment();
  const budgets = { ...DEFAULT_BUDGETS, ...opts.budgets };
  const options = dockerHostOptions(target, budgets);
  // Required here, not at the top: commands that never talk to Docker must not load its client.
  const Docker = require("dockerode") as typeof Dockerode;
  // docker-modem merges DOCKER_HOST's settings (and parses it, throwing on odd values) under
  // ours: hidden while the client is made, the host in force is the only one it sees.
  const saved = process.env.DOCKER_HOST;
  delete process.env.DOCKER_HOST;
  let docker: Dockerode;
  try {
    docker = new Docker(options);
  } finally {
    if (saved !== undefined) process.env.DOCKER_HOST = saved;
  }
  boundDial(docker.modem as unknown as DialingModem, target, budgets);
  hosts.set(docker, target);
  return docker;
}

/**
 * Asks the engine to answer (`/_ping`, the short budget): the first call of a command that
 * needs Docker, so an engine that is down or wedged is a clear exit 2 within seconds.
 */
export async function pingDocker(docker: Dockerode): Promise<void> {
  try {
    await docker.ping();
  } catch (error) {
    if (isLabctlError(error)) throw error;
    const host = dockerHostOf(docker) ?? "the configured host";
    throw new LabctlError(
      `The Docker engine at ${host} answered its ping with an error: ${(error as Error).message}`,
      "Check `docker info` against that host; a proxy in front of it, or an engine still starting, answers like this.",
      ExitCode.infrastructure,
      "DOCKER_UNREACHABLE",
      { cause: error },
    );
  }
}
