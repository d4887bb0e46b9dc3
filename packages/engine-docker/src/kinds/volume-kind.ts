import { labelMap } from "@labctl/core";
import { inputsHash, objectLabels } from "../object-labels";
import { type VolumeInputs, volumeOptions } from "../translate/volume-options";
import { freeName, labelledCurrent, removeWithUsers } from "./labelled-objects";
import type { KindContext, ResourceKind, State } from "./resource-kind";

async function describe(ctx: KindContext, inputs: VolumeInputs, name: string): Promise<State> {
  const info = await ctx.docker.getVolume(name).inspect();
  return { ...inputs, id: info.Name, name: info.Name, driver: info.Driver, mountpoint: info.Mountpoint };
}

/** `docker.Volume`: a named volume. Data: `down` removes it too, the environment is disposable. */
export const volumeKind: ResourceKind<VolumeInputs> = {
  async desire(ctx, inputs) {
    return { inputs, name: inputs.name ?? ctx.resource.name, hash: inputsHash(ctx.resource.type, inputs) };
  },
  current: (ctx) => labelledCurrent(ctx, "volume"),
  async create(ctx, desired) {
    await freeName(ctx, "volume", desired.name);
    const labels = objectLabels(ctx.spec, labelMap(desired.inputs.labels), ctx.resource, desired.hash);
    await ctx.docker.createVolume(volumeOptions(desired.inputs, desired.name, labels));
    return describe(ctx, desired.inputs, desired.name);
  },
  observe: (ctx, desired, current) => describe(ctx, desired.inputs, current.name),
  remove: (ctx, current) => removeWithUsers(ctx, "volume", current),
  placeholder: (desired) => ({ ...desired.inputs, name: desired.name, id: desired.name }),
};
