import type { Lab } from "@labctl/sdk";
import { loadEngine } from "../engine/load-engine";
import type { EngineName, EngineRunOptions } from "../engine/types";
import type { LabctlHome } from "../home/labctl-home";
import type { ClassEngine } from "./class-engine";
import { pooledDockerEngine } from "./workers/pooled-docker-engine";

/**
 * The engine a class run fans out with. Docker engine: a pool of `concurrency` worker processes
 * (Pulumi's mock runtime is process-global). Pulumi engine: the Automation API runs inline
 * programs in parallel in this process, one workDir per stack, plugins installed once before
 * fan-out; pre-flight plans still run under mocks, so in one worker process. `dockerHost` is the
 * host in force (config.dockerHost), handed to every worker.
 */
export function openClassEngine(
  name: EngineName,
  home: LabctlHome,
  opts: { concurrency: number; dockerHost?: string },
): ClassEngine {
  const { dockerHost } = opts;
  if (name === "docker") return pooledDockerEngine({ home, size: Math.max(1, opts.concurrency), dockerHost });
  const engine = loadEngine("pulumi", home, { dockerHost }) as ReturnType<typeof loadEngine> & {
    ensurePlugins(labs: Lab[], opts?: EngineRunOptions): Promise<void>;
  };
  let planner: ClassEngine | undefined;
  const plannerEngine = () => {
    planner ??= pooledDockerEngine({ home, size: 1, dockerHost });
    return planner;
  };
  return {
    ...engine,
    prepare: (labs, o) => engine.ensurePlugins(labs, o),
    plan: (spec) => (plannerEngine().plan as NonNullable<ClassEngine["plan"]>)(spec),
    close: async () => planner?.close?.(),
  };
}
