import { labelMap } from "@labctl/core";
import { removeObject } from "@labctl/docker";
import { BOOKKEEPING } from "@labctl/sdk";
import { inputsHash, objectLabels } from "../object-labels";
import { serviceDrift } from "../translate/service-drift";
import type { ServiceInputs } from "../translate/service-inputs";
import { serviceSpec } from "../translate/service-spec";
import { freeName, labelledCurrent } from "./labelled-objects";
import type { Current, Desired, KindContext, ResourceKind, State } from "./resource-kind";
import { convergeTimings, waitForService } from "./service-converge";
import { resolveServiceRefs } from "./service-refs";

/** The service's spec as labctl sends it: the object's labels, and the task containers' too. */
function specFor(ctx: KindContext, desired: Desired<ServiceInputs>) {
  const labels = objectLabels(ctx.spec, labelMap(desired.inputs.labels), ctx.resource, desired.hash);
  // Task containers: the environment and resource, no spec hash (a label-only change of the
  // service must not restart its tasks).
  const { [BOOKKEEPING.spec]: _hash, ...taskLabels } = labels;
  return serviceSpec(desired.inputs, desired.name, labels, taskLabels);
}

async function converged(ctx: KindContext, desired: Desired<ServiceInputs>, id: string, afterUpdate = false) {
  await waitForService(
    ctx.docker,
    { id, name: desired.name },
    { ...convergeTimings(desired.inputs.convergeConfig), signal: ctx.signal, afterUpdate },
  );
  return state(desired, id);
}

const state = (desired: Desired<ServiceInputs>, id: string): State => ({
  ...desired.inputs,
  id,
  name: desired.name,
});

/**
 * `docker.Service` (Swarm). Off a Swarm manager Docker answers 503, reported as is. Changed inputs
 * update the service in place (a rolling update, by its updateConfig), and up waits, within a
 * budget, until its tasks run at the new spec.
 */
export const serviceKind: ResourceKind<ServiceInputs> = {
  validate(inputs, resource) {
    serviceSpec(inputs, inputs.name ?? resource.name, {});
  },
  async desire(ctx, inputs) {
    const resolved = await resolveServiceRefs(ctx.docker, inputs);
    // How long to wait is not part of the object.
    const { convergeConfig, ...shape } = resolved;
    return {
      inputs: resolved,
      name: resolved.name ?? ctx.resource.name,
      hash: inputsHash(ctx.resource.type, shape),
    };
  },
  async current(ctx, desired) {
    const found = await labelledCurrent(ctx, "service");
    const first = found[0];
    if (first && first.hash === desired.hash) {
      // Scaled or updated behind labctl's back (the labels still say "same"): update it back.
      const live = await ctx.docker.getService(first.id).inspect();
      first.reusable = serviceDrift(specFor(ctx, desired), live.Spec) === undefined;
    }
    return found;
  },
  async create(ctx, desired) {
    await freeName(ctx, "service", desired.name);
    const service = await ctx.docker.createService(specFor(ctx, desired));
    return converged(ctx, desired, service.id);
  },
  async update(ctx, desired, current: Current) {
    // Swarm cannot rename a service: a new name is a new service.
    if (current.name !== desired.name) {
      await serviceKind.remove(ctx, current);
      return serviceKind.create(ctx, desired);
    }
    const service = ctx.docker.getService(current.id);
    const live = await service.inspect();
    // The version index makes Docker refuse the update if someone changed the service meanwhile.
    await service.update({ _query: { version: live.Version.Index }, _body: specFor(ctx, desired) });
    return converged(ctx, desired, current.id, true);
  },
  observe: async (_ctx, desired, current) => state(desired, current.id),
  keep: (ctx, desired, current) => converged(ctx, desired, current.id),
  remove: (ctx, current) =>
    removeObject(ctx.docker, { kind: "service", id: current.id, name: current.name, labels: {} }),
  placeholder: (desired) => ({ ...desired.inputs, id: `(service ${desired.name})`, name: desired.name }),
};
