import { labelMap } from "@labctl/core";
import { type ObjectKind, removeObject } from "@labctl/docker";
import { ExitCode, LabctlError } from "@labctl/sdk";
import { inputsHash, objectLabels } from "../object-labels";
import { type SwarmDataInputs, swarmDataSpec } from "../translate/swarm-data-spec";
import { freeName, labelledCurrent } from "./labelled-objects";
import type { Current, KindContext, ResourceKind } from "./resource-kind";

type SwarmDataKind = Extract<ObjectKind, "secret" | "config">;

/** Docker answers 400 "... is in use by the following service: ..." while a service mounts it. */
const inUse = (error: unknown) =>
  /in use by/i.test(
    (error as { json?: { message?: string } }).json?.message ?? (error as Error).message ?? "",
  );

/**
 * Removes a replaced secret or config unless a service still mounts it: then it stays, still
 * labelled, until a later up (a stray by then) or down removes it.
 */
async function removeUnlessUsed(ctx: KindContext, kind: SwarmDataKind, current: Current) {
  try {
    await removeObject(ctx.docker, { kind, id: current.id, name: current.name, labels: {} });
  } catch (error) {
    if (!inUse(error)) throw error;
  }
}

/**
 * `docker.Secret` and `docker.ServiceConfig`: immutable Swarm objects, so any change replaces them.
 * One a service mounts cannot be removed until the service moves to the new one (later in the same
 * up): new content under a new name (a version in the name, as `docker stack` does) works; new
 * content under the same name is refused with advice.
 */
function swarmDataKind(kind: SwarmDataKind): ResourceKind<SwarmDataInputs> {
  return {
    async desire(ctx, inputs) {
      return { inputs, name: inputs.name ?? ctx.resource.name, hash: inputsHash(ctx.resource.type, inputs) };
    },
    // The one matching the inputs first: an old one left in use is a stray, not the current one.
    current: async (ctx, desired) =>
      (await labelledCurrent(ctx, kind)).sort(
        (a, b) => Number(b.hash === desired.hash) - Number(a.hash === desired.hash),
      ),
    async create(ctx, desired) {
      try {
        await freeName(ctx, kind, desired.name);
      } catch (error) {
        if (!inUse(error)) throw error;
        throw new LabctlError(
          `The ${kind} "${desired.name}" changed, but a service still uses the old one and Swarm ${kind}s cannot change in place.`,
          `Give the new content a new name in the lab (e.g. append a short hash of the content), or run down then up.`,
          ExitCode.infrastructure,
          "SWARM_DATA_IN_USE",
        );
      }
      const Labels = objectLabels(ctx.spec, labelMap(desired.inputs.labels), ctx.resource, desired.hash);
      const spec = swarmDataSpec(desired.inputs, desired.name, Labels);
      const created: { id?: string; ID?: string } =
        kind === "secret" ? await ctx.docker.createSecret(spec) : await ctx.docker.createConfig(spec);
      return { ...desired.inputs, id: created.id ?? created.ID, name: desired.name };
    },
    observe: async (_ctx, desired, current) => ({ ...desired.inputs, id: current.id, name: desired.name }),
    remove: (ctx, current) => removeUnlessUsed(ctx, kind, current),
    placeholder: (desired) => ({ ...desired.inputs, id: `(${kind} ${desired.name})`, name: desired.name }),
  };
}

export const secretKind = swarmDataKind("secret");
export const serviceConfigKind = swarmDataKind("config");
