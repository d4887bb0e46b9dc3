import { labelMap } from "@labctl/core";
import { inputsHash, objectLabels } from "../object-labels";
import { type NetworkInputs, networkOptions } from "../translate/network-options";
import { freeName, labelledCurrent, removeWithUsers } from "./labelled-objects";
import type { Desired, KindContext, ResourceKind, State } from "./resource-kind";

async function describe(ctx: KindContext, inputs: NetworkInputs, id: string): Promise<State> {
  const info = await ctx.docker.getNetwork(id).inspect();
  return {
    ...inputs,
    id: info.Id,
    name: info.Name,
    driver: info.Driver,
    internal: info.Internal,
    scope: info.Scope,
    ipamConfigs: (info.IPAM?.Config ?? []).map((c) => ({
      subnet: c.Subnet,
      gateway: c.Gateway,
      ipRange: c.IPRange,
    })),
  };
}

/** `docker.Network`: a user-defined network (bridge, or overlay on a Swarm). */
export const networkKind: ResourceKind<NetworkInputs> = {
  async desire(ctx, inputs) {
    return { inputs, name: inputs.name ?? ctx.resource.name, hash: inputsHash(ctx.resource.type, inputs) };
  },
  current: (ctx) => labelledCurrent(ctx, "network"),
  async create(ctx, desired: Desired<NetworkInputs>) {
    await freeName(ctx, "network", desired.name);
    const labels = objectLabels(ctx.spec, labelMap(desired.inputs.labels), ctx.resource, desired.hash);
    const network = await ctx.docker.createNetwork(networkOptions(desired.inputs, desired.name, labels));
    return describe(ctx, desired.inputs, network.id);
  },
  observe: (ctx, desired, current) => describe(ctx, desired.inputs, current.id),
  remove: (ctx, current) => removeWithUsers(ctx, "network", current),
  placeholder: (desired) => ({ ...desired.inputs, name: desired.name, id: `(network ${desired.name})` }),
};
