import type Dockerode from "dockerode";

/**
 * Dockerode options for a Docker host as Docker spells it: unix:///path, npipe://, tcp://host:port,
 * ssh://user@host[:port]. Every field is explicit because docker-modem merges our options over
 * whatever DOCKER_HOST says, and an explicit host must win over the environment.
 */
export function dockerHostOptions(host: string): Dockerode.DockerOptions {
  const none = { socketPath: undefined, host: undefined, port: undefined, protocol: undefined };
  if (host.startsWith("unix://"))
    return { ...none, socketPath: host.slice("unix://".length) || "/var/run/docker.sock" };
  if (host.startsWith("npipe://"))
    return { ...none, socketPath: host.slice("npipe://".length) || "//./pipe/docker_engine" };
  if (host.startsWith("/")) return { ...none, socketPath: host };
  const url = new URL(host.includes("//") ? host : `tcp://${host}`);
  if (url.protocol === "ssh:") {
    return {
      ...none,
      protocol: "ssh",
      host: url.hostname,
      port: url.port || 22,
      username: decodeURIComponent(url.username) || undefined,
      sshOptions: { agent: process.env.SSH_AUTH_SOCK },
    } as Dockerode.DockerOptions;
  }
  if (url.protocol !== "tcp:" && url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`unsupported Docker host "${host}": use unix://, tcp:// or ssh://`);
  }
  const tls = url.protocol === "https:" || url.port === "2376" || process.env.DOCKER_TLS_VERIFY === "1";
  return {
    ...none,
    host: url.hostname,
    port: url.port || (tls ? 2376 : 2375),
    protocol: tls ? "https" : "http",
  };
}

/**
 * A Docker Engine API client. Without a host it follows DOCKER_HOST, then the local socket,
 * like the docker CLI.
 */
export function dockerClient(host?: string): Dockerode {
  // Required here, not at the top: commands that never talk to Docker must not load its client.
  const Docker = require("dockerode") as typeof Dockerode;
  return host ? new Docker(dockerHostOptions(host)) : new Docker();
}
