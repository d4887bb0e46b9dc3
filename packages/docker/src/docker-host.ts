/** The engine labctl talks to when nothing names one: the system-wide socket, as the docker CLI. */
export const DEFAULT_DOCKER_HOST = "unix:///var/run/docker.sock";

/** The forms a Docker host may take, for messages. */
export const DOCKER_HOST_FORMS =
  "unix:///var/run/docker.sock (an absolute socket path), tcp://host:2375 (2376 with TLS), " +
  "ssh://user@host[:port] or npipe:////./pipe/docker_engine";

/** A Docker host, read: where to connect and how. */
export type DockerEndpoint =
  | { kind: "unix" | "npipe"; path: string }
  | { kind: "tcp"; host: string; port: number }
  | { kind: "ssh"; host: string; port: number; user?: string };

export type ParsedDockerHost = { ok: true; endpoint: DockerEndpoint } | { ok: false; problem: string };

const fail = (problem: string): ParsedDockerHost => ({ ok: false, problem });

/**
 * Reads a Docker host as the docker CLI writes it (`-H`, DOCKER_HOST), stricter where the CLI
 * guesses: a scheme is required, and tcp:// needs both host and port (the CLI, and dockerode,
 * quietly turn `tcp://` into a default address). The problem comes back in words, never as
 * "Invalid URL".
 */
export function parseDockerHost(value: string): ParsedDockerHost {
  if (value.trim() === "") return fail("it is empty");
  if (value !== value.trim() || /\s/.test(value)) return fail("it contains spaces");
  const at = value.indexOf("://");
  if (at < 0) {
    const guess = value.startsWith("/") ? `unix://${value}` : `tcp://${value}`;
    return fail(`it has no scheme (did you mean ${guess}?)`);
  }
  const scheme = value.slice(0, at).toLowerCase();
  const rest = value.slice(at + 3);
  switch (scheme) {
    case "unix":
      if (rest === "")
        return fail("unix:// needs the socket's absolute path, e.g. unix:///var/run/docker.sock");
      if (!rest.startsWith("/")) return fail(`the socket path must be absolute (unix:///${rest}?)`);
      return { ok: true, endpoint: { kind: "unix", path: rest } };
    case "npipe":
      if (rest === "") return fail("npipe:// needs the pipe's path, e.g. npipe:////./pipe/docker_engine");
      return { ok: true, endpoint: { kind: "npipe", path: rest } };
    case "tcp":
      return network(value, "tcp");
    case "ssh":
      return network(value, "ssh");
    case "http":
    case "https":
      return fail(`Docker hosts are written tcp://host:port, not ${scheme}://`);
    case "fd":
      return fail("fd:// is for dockerd itself, not for clients");
    default:
      return fail(`${scheme}:// is not a scheme Docker knows`);
  }
}

function network(value: string, kind: "tcp" | "ssh"): ParsedDockerHost {
  const example = kind === "tcp" ? "tcp://192.0.2.10:2375" : "ssh://user@192.0.2.10";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(`it is not ${kind}://host${kind === "tcp" ? ":port" : ""} (e.g. ${example})`);
  }
  if (url.hostname === "")
    return fail(`${kind}:// needs a host${kind === "tcp" ? " and a port" : ""}, e.g. ${example}`);
  if (url.password !== "") {
    return fail(
      kind === "ssh"
        ? "a password does not belong in the URL: use an SSH key (ssh-agent)"
        : "credentials do not belong in a tcp:// host",
    );
  }
  if (kind === "tcp" && url.username !== "") return fail("credentials do not belong in a tcp:// host");
  if ((url.pathname !== "" && url.pathname !== "/") || url.search !== "" || url.hash !== "") {
    return fail(`a ${kind}:// host has no path or query (e.g. ${example})`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (kind === "tcp") {
    if (url.port === "") return fail(`it needs a port: tcp://${url.hostname}:2375 (or :2376 with TLS)`);
    const port = Number(url.port);
    if (port < 1) return fail("the port must be between 1 and 65535");
    return { ok: true, endpoint: { kind, host, port } };
  }
  const port = url.port === "" ? 22 : Number(url.port);
  if (port < 1) return fail("the port must be between 1 and 65535");
  const user = url.username === "" ? undefined : decodeURIComponent(url.username);
  return { ok: true, endpoint: { kind, host, port, user } };
}
