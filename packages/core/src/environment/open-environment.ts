import { dockerClient } from "@labctl/docker";
import type { Lab } from "@labctl/sdk";
import type Dockerode from "dockerode";
import { type LabctlConfig, loadConfig } from "../config/config";
import { loadEngine } from "../engine/load-engine";
import type { Engine, EngineName } from "../engine/types";
import { ExitCode, LabctlError } from "../errors";
import { type LabctlHome, resolveHome } from "../home/labctl-home";
import { studentFor, validId } from "../naming/valid-id";
import { readRecord } from "./environment-record";
import { type ResolvedEnvironment, resolveEnvironment } from "./resolve-environment";

const ENGINES: readonly EngineName[] = ["pulumi", "docker"];

/** The lab itself, or its id and the catalog to find it in (core does not know the catalog). */
export type LabRequest = { lab: Lab } | { labId: string; findLab: (id: string) => Lab };

export type OpenEnvironmentRequest = LabRequest & {
  /** The student id; undefined: the OS user name as a slug. */
  student?: string;
  classId: string;
  /** `--engine`: wins over the engine recorded for the environment and the configured one. */
  engine?: EngineName;
  /** `--docker-host`: wins over DOCKER_HOST and config.yaml. */
  dockerHost?: string;
  /** Default process.env (LABCTL_HOME, LABCTL_*, DOCKER_HOST). */
  env?: NodeJS.ProcessEnv;
  /**
   * Default: LABCTL_HOME from `env`. A function is called once the ids are checked, so a bad id
   * is reported before a home problem (the CLI checks there that the home is usable).
   */
  home?: LabctlHome | (() => LabctlHome);
};

/** What a verb needs for one environment; the engine and the Docker client load on first call. */
export interface OpenedEnvironment {
  home: LabctlHome;
  config: LabctlConfig;
  lab: Lab;
  spec: ResolvedEnvironment;
  engineName: EngineName;
  /** The engine (loaded on first call, then the same one): `verify` of a docker lab loads no Pulumi. */
  engine(): Engine;
  /** A client for config.dockerHost (made on first call; making it contacts nothing). */
  docker(): Dockerode;
}

/**
 * Opens one (lab, student, class) environment the same way for every caller: ids checked
 * (BAD_ID, exit 64) and flags checked before anything else, then home, config, record and spec.
 * Nothing is written and no engine is contacted: ports are only planned (`up` records them).
 * The engine is the flag, else the one that built the environment, else the configured one,
 * so `verify` and `down` follow the environment.
 */
export function openEnvironment(request: OpenEnvironmentRequest): OpenedEnvironment {
  const env = request.env ?? process.env;
  const lab = "lab" in request ? request.lab : request.findLab(request.labId);
  const student = studentFor(request.student);
  const classId = validId("class", request.classId);
  if (request.engine !== undefined && !ENGINES.includes(request.engine)) throw badEngine(request.engine);
  const home = typeof request.home === "function" ? request.home() : (request.home ?? resolveHome(env));
  const config = loadConfig(home, env, { dockerHost: request.dockerHost });
  const record = readRecord(home, classId, lab.id, student.id);
  const engineName = request.engine ?? record?.engine ?? config.engine;
  const spec = resolveEnvironment(home, config, lab, student, classId);
  const engine = once(() => loadEngine(engineName, home, { dockerHost: config.dockerHost }));
  const docker = once(() => dockerClient(config.dockerHost));
  return { home, config, lab, spec, engineName, engine, docker };
}

function badEngine(name: string): LabctlError {
  return new LabctlError(
    `"${name}" is not an engine.`,
    `Use one of: ${ENGINES.join(", ")}.`,
    ExitCode.usage,
    "BAD_ENGINE",
  );
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}
