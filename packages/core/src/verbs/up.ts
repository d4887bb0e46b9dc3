import { crashLoopError, crashLoops, dockerClient } from "@labctl/docker";
import { type LabOutputs, selectorFor } from "@labctl/sdk";
import type Docker from "dockerode";
import type { Engine, EngineRunOptions, EnvironmentSpec, ResourceChange } from "../engine/types";
import { readRecord, writeRecord } from "../environment/environment-record";
import type { ResolvedEnvironment } from "../environment/resolve-environment";
import { environmentDir, type LabctlHome } from "../home/labctl-home";
import { loadInfra } from "../infra/load-infra";
import { dockerPortOwner, ownedBy } from "../ports/docker-port-owners";
import { commitChecked } from "../ports/port-allocator";
import { assertPortsFree } from "../ports/port-preflight";
import { ensureSecrets, redactSecrets } from "../secrets/secret-store";
import { withEnvironmentLock } from "../state/environment-lock";

export interface UpSummary {
  lab: string;
  student: string;
  classId: string;
  engine: string;
  ports: Record<string, number>;
  /** Secret values replaced by "[secret]" unless `showSecrets`. */
  outputs: LabOutputs;
  changes: ResourceChange[];
}

export interface UpOptions extends EngineRunOptions {
  showSecrets?: boolean;
  /** Docker client for the port pre-flight (names the owner of a taken port). */
  docker?: Docker;
}

/**
 * Builds (or brings up to date) one environment, holding its lock: engine pre-flight, port
 * pre-flight, then (only then) new ports recorded and missing secrets generated, then the
 * engine's up and the record. A refused `up` leaves ports.json and the home as they were.
 * A platform with an infra package (swarm) is made ready after the port pre-flight, so a port
 * refusal changes nothing on the engine; what it says (the publishing mode) goes into the spec
 * and the record, so verify and down run the program as up did.
 */
export async function up(
  home: LabctlHome,
  engine: Engine,
  resolved: ResolvedEnvironment,
  opts: UpOptions = {},
): Promise<UpSummary> {
  const { portPlan, ...planned } = resolved;
  const { lab, student, classId } = planned;
  return withEnvironmentLock(home, { classId, lab: lab.id, student: student.id }, "up", async () => {
    readRecord(home, classId, lab.id, student.id); // a corrupt record stops here, before any change
    await engine.preflight(opts);
    const selector = selectorFor({ lab: lab.id, student: student.id, classId });
    const portsFree = (ports: Record<string, number>) =>
      assertPortsFree(
        ports,
        planned.bindAddress,
        opts.docker ? ownedBy(opts.docker, selector) : async () => false,
        opts.docker ? dockerPortOwner(opts.docker) : async () => undefined,
      );
    let ports = planned.ports;
    if (portPlan) {
      // Another run may allocate at the same time: the ports checked are the ports recorded.
      const committed = await commitChecked(home, portPlan, (plan) => portsFree(plan.ports[0] ?? {}));
      ports = committed.ports[0] ?? {};
    } else {
      await portsFree(ports);
    }
    const infra = loadInfra(lab.platform);
    const ready = infra
      ? await infra.prepare({
          home,
          docker: opts.docker ?? dockerClient(planned.dockerHost),
          signal: opts.signal,
        })
      : {};
    const spec: EnvironmentSpec = {
      ...planned,
      ports,
      secrets: ensureSecrets(environmentDir(home, classId, lab.id, student.id), lab.secrets),
      ...(ready.swarm && { swarm: ready.swarm }),
    };
    const result = await engine.up(spec, opts);
    // A container without a healthcheck that crashes and restarts looks "running" for an
    // instant: name any crash loop (the environment is up, so its record is kept).
    const looping = opts.docker ? await crashLoops(opts.docker, selector, { signal: opts.signal }) : [];
    writeRecord(home, {
      lab: spec.lab.id,
      student: spec.student.id,
      classId: spec.classId,
      engine: engine.name,
      ports: spec.ports,
      ...(spec.swarm && { swarm: spec.swarm }),
    });
    if (looping.length > 0) throw crashLoopError(looping);
    return {
      lab: spec.lab.id,
      student: spec.student.id,
      classId: spec.classId,
      engine: engine.name,
      ports: spec.ports,
      outputs: opts.showSecrets ? result.outputs : redactSecrets(result.outputs, Object.values(spec.secrets)),
      changes: result.changes,
    };
  });
}
