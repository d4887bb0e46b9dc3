import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type {
  ClassEngine,
  DownResult,
  EnvironmentSpec,
  LabctlHome,
  PlannedObject,
  PreviewResult,
  UpResult,
} from "@labctl/core";
import { hostFromEnvironment } from "@labctl/docker";
import { type EngineRunOptions, ExitCode, type Lab, LabctlError, type LabOutputs } from "@labctl/sdk";
import { loadEnvironment } from "../outputs-file";
import { WorkerPool } from "./worker-pool";
import { portableSpec, type WorkerOp } from "./worker-protocol";

/** The compiled worker entry; from TypeScript sources (tests), the build of the same file. */
export function workerEntry(): string {
  const candidates = [
    join(__dirname, "docker-worker-main.js"),
    join(__dirname, "..", "..", "dist", "workers", "docker-worker-main.js"),
  ];
  const found = candidates.find((file) => existsSync(file));
  if (!found) {
    throw new LabctlError(
      "labctl's class worker is not built.",
      "Run `npm run build` at the repository root, then try again.",
      ExitCode.infrastructure,
      "NOT_BUILT",
    );
  }
  return found;
}

/** Where a worker loads a lab from: its package `@labctl/lab-<id>`, resolved the way Node does. */
export function labModuleOf(lab: Pick<Lab, "id">): string {
  return createRequire(__filename).resolve(`@labctl/lab-${lab.id}`);
}

/**
 * The docker engine for a class: each operation runs in a worker process (Pulumi's mock runtime
 * is process-global), at most `size` at once. Outputs are read from the saved file in this
 * process when it exists, so `class verify` and `class report` start no worker. Every job names
 * the Docker host (the config's, resolved here once): a worker never picks one on its own.
 */
export function pooledDockerEngine(opts: {
  home: LabctlHome;
  size: number;
  /** The host in force (config.dockerHost); without one, DOCKER_HOST, then the local socket. */
  dockerHost?: string;
  labModule?: (lab: Lab) => string;
  entry?: string;
}): ClassEngine {
  const dockerHost = opts.dockerHost ?? hostFromEnvironment();
  const pool = new WorkerPool(opts.entry ?? workerEntry(), opts.size);
  const modules = new Map<string, string>();
  const moduleOf = (lab: Lab) => {
    const module = modules.get(lab.id) ?? (opts.labModule ?? labModuleOf)(lab);
    modules.set(lab.id, module);
    return module;
  };
  const run = <T>(op: WorkerOp, spec: EnvironmentSpec, o: EngineRunOptions = {}) =>
    pool.run<T>(
      {
        op,
        home: opts.home,
        dockerHost,
        labModule: moduleOf(spec.lab),
        spec: portableSpec({ ...spec, dockerHost: spec.dockerHost ?? dockerHost }),
      },
      o,
    );
  let reachable: Promise<void> | undefined;
  return {
    name: "docker",
    // Docker reachable: asked once, by the first worker (which then stays warm for the first student).
    preflight: (o = {}) => {
      reachable ??= pool.run<void>({ op: "preflight", home: opts.home, dockerHost }, o);
      return reachable;
    },
    up: (spec, o) => run<UpResult>("up", spec, o),
    down: (spec, o) => run<DownResult>("down", spec, o),
    preview: (spec, o) => run<PreviewResult>("preview", spec, o),
    async outputs(spec) {
      const saved = await loadEnvironment(opts.home, spec);
      return saved ? saved.outputs : run<LabOutputs | undefined>("outputs", spec);
    },
    plan: (spec) => run<PlannedObject[]>("plan", spec),
    close: () => pool.close(),
  };
}
