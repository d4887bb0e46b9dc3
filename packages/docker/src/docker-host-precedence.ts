import { ExitCode, LabctlError } from "@labctl/sdk";
import { DEFAULT_DOCKER_HOST, DOCKER_HOST_FORMS, parseDockerHost } from "./docker-host";

/** Where the Docker host in force came from (doctor shows it). */
export type DockerHostSource = "flag" | "DOCKER_HOST" | "config" | "default";

export interface ResolvedDockerHost {
  dockerHost: string;
  dockerHostSource: DockerHostSource;
}

export interface DockerHostSettings {
  /** `--docker-host`, as given (an empty string is an error, not "unset"). */
  flag?: string;
  /** DOCKER_HOST; empty means unset, as for the docker CLI. */
  env?: string;
  /** config.yaml's `dockerHost`. */
  config?: string;
  /** The config file, for messages. */
  configFile?: string;
}

/**
 * The one precedence, for every command and every process labctl starts:
 * `--docker-host` > DOCKER_HOST > config.yaml `dockerHost` > unix:///var/run/docker.sock.
 * The flag and the config file are always checked (a bad setting is bad even when overridden);
 * DOCKER_HOST only when it is the one in force, since other tools share it and the flag is its
 * escape hatch.
 */
export function resolveDockerHost(settings: DockerHostSettings): ResolvedDockerHost {
  const { flag, env, config } = settings;
  if (flag !== undefined) checked(flag, "flag", settings.configFile);
  if (config !== undefined) checked(config, "config", settings.configFile);
  if (flag !== undefined) return { dockerHost: flag, dockerHostSource: "flag" };
  if (env) return { dockerHost: checked(env, "DOCKER_HOST"), dockerHostSource: "DOCKER_HOST" };
  if (config !== undefined) return { dockerHost: config, dockerHostSource: "config" };
  return { dockerHost: DEFAULT_DOCKER_HOST, dockerHostSource: "default" };
}

/** The host a caller without a configuration uses (tests, labs' helpers): DOCKER_HOST, else the default. */
export const hostFromEnvironment = (env: NodeJS.ProcessEnv = process.env): string =>
  resolveDockerHost({ env: env.DOCKER_HOST }).dockerHost;

function checked(value: string, source: Exclude<DockerHostSource, "default">, configFile?: string): string {
  const parsed = parseDockerHost(value);
  if (parsed.ok) return value;
  const forms = `Accepted: ${DOCKER_HOST_FORMS}.`;
  switch (source) {
    case "flag":
      throw new LabctlError(
        `--docker-host ${JSON.stringify(value)} is not a Docker host: ${parsed.problem}.`,
        `Pass a Docker host, or leave the flag out to use DOCKER_HOST or config.yaml. ${forms}`,
        ExitCode.usage,
        "BAD_DOCKER_HOST",
      );
    case "DOCKER_HOST":
      throw new LabctlError(
        `DOCKER_HOST=${value} is not a Docker host: ${parsed.problem}.`,
        `Fix or unset DOCKER_HOST, or pass --docker-host. ${forms}`,
        ExitCode.badInput,
        "BAD_DOCKER_HOST",
      );
    case "config":
      throw new LabctlError(
        `${configFile ?? "config.yaml"}: dockerHost ${JSON.stringify(value)} is not a Docker host: ${parsed.problem}.`,
        `Fix dockerHost in that file, or remove it to use the local engine. ${forms}`,
        ExitCode.badInput,
        "BAD_DOCKER_HOST",
      );
  }
}
