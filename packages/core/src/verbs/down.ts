import { dockerClient, teardown } from "@labctl/docker";
import { selectorFor } from "@labctl/sdk";
import type Dockerode from "dockerode";
import type { DownResult, Engine, EngineRunOptions, EnvironmentSpec } from "../engine/types";
import { readRecord, removeEnvironmentDir } from "../environment/environment-record";
import type { LabctlHome } from "../home/labctl-home";
import { loadInfra } from "../infra/load-infra";
import { withEnvironmentLock } from "../state/environment-lock";

export interface DownSummary extends DownResult {
  lab: string;
  student: string;
  classId: string;
  engine: string;
}

export interface DownOptions extends EngineRunOptions {
  /** Docker client for the label sweep after the engine's own teardown. */
  docker?: Dockerode;
}

/**
 * Tears an environment down (holding its lock), sweeps what still carries its labels (objects
 * the engine's state lost track of), then forgets it: the environment's folder goes, with the
 * record, the generated secrets and the docker engine's outputs (credentials in clear). The
 * folder is `environmentDir`'s: validated ids, inside the home. Ports stay allocated (stable).
 * Last, a platform's infra package undoes what its prepare created, once nothing of labctl's
 * runs there any more (it checks that itself: other environments may share the swarm).
 */
export async function down(
  home: LabctlHome,
  engine: Engine,
  spec: EnvironmentSpec,
  opts: DownOptions = {},
): Promise<DownSummary> {
  const key = { classId: spec.classId, lab: spec.lab.id, student: spec.student.id };
  return withEnvironmentLock(home, key, "down", async () => {
    // A corrupt record stops here: it may name another engine, and its folder is not ours to drop.
    readRecord(home, key.classId, key.lab, key.student);
    await engine.preflight(opts);
    const result = await engine.down(spec, opts);
    const swept = opts.docker ? await teardown(opts.docker, selectorFor(key), opts) : [];
    removeEnvironmentDir(home, key.classId, key.lab, key.student);
    const release = loadInfra(spec.lab.platform)?.release;
    if (release) await release({ home, docker: opts.docker ?? dockerClient(spec.dockerHost) });
    return {
      lab: key.lab,
      student: key.student,
      classId: key.classId,
      engine: engine.name,
      removed: [...result.removed, ...swept],
    };
  });
}
