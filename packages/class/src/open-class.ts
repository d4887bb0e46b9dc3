import {
  type ClassEngine,
  type EngineName,
  type LabctlConfig,
  type LabctlHome,
  loadClassEngine,
  loadConfig,
  resolveHome,
} from "@labctl/core";
import { type Roster, readRoster } from "@labctl/roster";
import type { Lab } from "@labctl/sdk";
import { classIdFor } from "./class-id";
import { readClassRun } from "./class-run-record";
import { knownStudentIds } from "./student-ids";

export interface OpenClassRequest {
  lab: Lab;
  /** The roster file (CSV or YAML); its name gives the class id when `classId` is not set. */
  rosterFile: string;
  /** `--class`. */
  classId?: string;
  /** `--engine`: wins over the engine of the class's last run and the configured one. */
  engine?: EngineName;
  /** `--docker-host`: wins over DOCKER_HOST and config.yaml. */
  dockerHost?: string;
  /** Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Default: LABCTL_HOME from `env`; a function is called once the class id is checked. */
  home?: LabctlHome | (() => LabctlHome);
}

/** What a class verb needs; the engine loads when asked, with the run's concurrency. */
export interface OpenedClass {
  home: LabctlHome;
  config: LabctlConfig;
  lab: Lab;
  classId: string;
  roster: Roster;
  engineName: EngineName;
  engine(concurrency: number): ClassEngine;
}

/**
 * Opens a (lab, class) the same way for every class command, as openEnvironment does for one
 * student: the class id checked first (BAD_ID, exit 64), then home, config, and the roster with
 * the ids this class already gave (exit 65 when bad). Nothing is written, no engine contacted.
 * The engine is the flag, else the one of the class's last run, else the configured one.
 */
export function openClass(request: OpenClassRequest): OpenedClass {
  const env = request.env ?? process.env;
  const { lab } = request;
  const classId = classIdFor(request.rosterFile, request.classId);
  const home = typeof request.home === "function" ? request.home() : (request.home ?? resolveHome(env));
  const config = loadConfig(home, env, { dockerHost: request.dockerHost });
  const roster = readRoster(request.rosterFile, knownStudentIds(home, classId));
  const recorded = readClassRun(home, classId, lab.id)?.engine as EngineName | undefined;
  const engineName = request.engine ?? recorded ?? config.engine;
  const engine = (concurrency: number) =>
    loadClassEngine(engineName, home, { concurrency, dockerHost: config.dockerHost });
  return { home, config, lab, classId, roster, engineName, engine };
}
