import { setTimeout as sleep } from "node:timers/promises";
import { labelMap } from "@labctl/core";
import { removeObject } from "@labctl/docker";
import { ExitCode, LabctlError } from "@labctl/sdk";
import { parseGoDuration } from "../go-duration";
import { inputsHash, objectLabels } from "../object-labels";
import type { ServiceInputs } from "../translate/service-inputs";
import { serviceSpec } from "../translate/service-spec";
import { freeName, labelledCurrent } from "./labelled-objects";
import type { Desired, KindContext, ResourceKind } from "./resource-kind";

const DEFAULT_CONVERGE_NS = 3 * 60e9;

/** With a convergeConfig, like the provider: wait until as many tasks run as there are replicas. */
async function converge(ctx: KindContext, desired: Desired<ServiceInputs>, id: string): Promise<void> {
  const config = desired.inputs.convergeConfig;
  if (!config || desired.inputs.mode?.global) return;
  const replicas = desired.inputs.mode?.replicated?.replicas ?? 1;
  const deadline = Date.now() + (parseGoDuration(config.timeout) ?? DEFAULT_CONVERGE_NS) / 1e6;
  const delayMs = (parseGoDuration(config.delay) ?? 1e9) / 1e6;
  for (;;) {
    const tasks = await ctx.docker.listTasks({ filters: { service: [id], "desired-state": ["running"] } });
    const running = tasks.filter((task) => task.Status?.State === "running").length;
    if (running >= replicas) return;
    if (Date.now() >= deadline) {
      const errors = [...new Set(tasks.map((task) => task.Status?.Err).filter(Boolean))].join("; ");
      throw new LabctlError(
        `service ${desired.name} has ${running}/${replicas} tasks running${errors ? `: ${errors}` : ""}`,
        `look at \`docker service ps ${desired.name} --no-trunc\`, fix the lab or its image, then run up again`,
        ExitCode.infrastructure,
        "SERVICE_NOT_CONVERGED",
      );
    }
    await sleep(delayMs, undefined, { signal: ctx.signal });
  }
}

/** `docker.Service` (Swarm). Off a Swarm manager Docker answers 503, reported as is. */
export const serviceKind: ResourceKind<ServiceInputs> = {
  validate(inputs, resource) {
    serviceSpec(inputs, inputs.name ?? resource.name, {});
  },
  async desire(ctx, inputs) {
    const { convergeConfig, ...shape } = inputs;
    return { inputs, name: inputs.name ?? ctx.resource.name, hash: inputsHash(ctx.resource.type, shape) };
  },
  current: (ctx) => labelledCurrent(ctx, "service"),
  async create(ctx, desired) {
    await freeName(ctx, "service", desired.name);
    const labels = objectLabels(ctx.spec, labelMap(desired.inputs.labels), ctx.resource, desired.hash);
    const service = await ctx.docker.createService(serviceSpec(desired.inputs, desired.name, labels));
    await converge(ctx, desired, service.id);
    return { ...desired.inputs, id: service.id, name: desired.name };
  },
  observe: async (_ctx, desired, current) => ({ ...desired.inputs, id: current.id, name: desired.name }),
  async keep(ctx, desired, current) {
    await converge(ctx, desired, current.id);
    return { ...desired.inputs, id: current.id, name: desired.name };
  },
  remove: (ctx, current) =>
    removeObject(ctx.docker, { kind: "service", id: current.id, name: current.name, labels: {} }),
  placeholder: (desired) => ({ ...desired.inputs, id: `(service ${desired.name})`, name: desired.name }),
};
