import { commitChecked, type EnvironmentSpec, planPorts, specFor, type UpSummary, up } from "@labctl/core";
import type { EngineEvent, ResourceChange } from "@labctl/sdk";
import type Dockerode from "dockerode";
import type { ClassOptions } from "./class-options";
import { classRunResult } from "./class-result";
import type { ClassRunResult } from "./class-types";
import { classPreflight } from "./preflight/class-preflight";
import { runClassVerb } from "./run-class-verb";
import { rememberStudentIds } from "./student-ids";

export interface ClassUpOptions extends ClassOptions {
  /** For the pre-flight (port owners, object names, subnets) and each student's port check. */
  docker?: Dockerode;
}

export type ClassUpResult = ClassRunResult<UpSummary>;

/** "2 create, 1 replace", or "unchanged" when the engine kept everything as it was. */
export function describeChanges(changes: ResourceChange[]): string {
  const counts = new Map<string, number>();
  for (const c of changes)
    if (c.action !== "same" && c.action !== "read") counts.set(c.action, (counts.get(c.action) ?? 0) + 1);
  return counts.size === 0 ? "unchanged" : [...counts].map(([action, n]) => `${n} ${action}`).join(", ");
}

/** Engine events as steps of the live table. */
export function stepsOf(step: (detail: string) => void): (event: EngineEvent) => void {
  return (event) => {
    if (event.kind === "step") step(event.message);
    else if (event.kind === "resource" && event.phase === "start") step(`${event.action} ${event.name}`);
  };
}

/**
 * `class up`: ports for every roster student planned in one pass, in roster order (so blocks
 * are stable when the roster grows), one class pre-flight, then each selected student's `up`
 * with bounded concurrency. Healthy environments are left alone ("unchanged").
 *
 * Port allocation is transactional: the plan is computed without writing, the pre-flight
 * checks it, and only then is it recorded (under the ports lock, re-planned and re-checked if
 * another run allocated meanwhile). A refused pre-flight, an unreachable engine, or a roster
 * that overflows the port range leaves ports.json exactly as it was; nothing to roll back.
 */
export async function classUp(opts: ClassUpOptions): Promise<ClassUpResult> {
  const { home, config, lab, classId, roster, engine, signal, docker } = opts;
  const specs = new Map<string, EnvironmentSpec>();
  const specOf = (id: string) => {
    const spec = specs.get(id);
    if (!spec) throw new Error(`no environment resolved for ${id}`);
    return spec;
  };
  const run = await runClassVerb("up", opts, {
    preflight: async (selected) => {
      const requests = roster.students.map((s) => ({
        classId,
        student: s.id,
        lab: lab.id,
        roles: lab.ports,
      }));
      const plan = planPorts(home, config, requests); // overflow: throws, nothing written
      await engine.preflight({ signal });
      await commitChecked(home, plan, async (candidate) => {
        for (const [i, s] of roster.students.entries())
          specs.set(s.id, specFor(home, config, lab, s, classId, candidate.ports[i] ?? {}));
        await classPreflight(
          selected.map((s) => specOf(s.id)),
          { docker, plan: engine.plan?.bind(engine), concurrency: opts.concurrency },
        );
      });
      rememberStudentIds(home, classId, roster);
      await engine.prepare?.([lab], { signal });
    },
    task: async (student, { signal, step }) => {
      const summary = await up(home, engine, specOf(student.id), { signal, onEvent: stepsOf(step), docker });
      const message = describeChanges(summary.changes);
      return { state: message === "unchanged" ? "unchanged" : "ok", message, result: summary };
    },
  });
  return classRunResult("up", { lab: lab.id, classId, engine: engine.name, started: run.started }, run);
}
