import { labelMap } from "@labctl/core";
import { type ObjectKind, removeObject } from "@labctl/docker";
import { inputsHash, objectLabels } from "../object-labels";
import type { Label } from "../translate/container-inputs";
import { freeName, labelledCurrent } from "./labelled-objects";
import type { ResourceKind } from "./resource-kind";

interface SwarmDataInputs {
  name?: string;
  /** Base64, URL-safe or not (the provider documents URL-safe). */
  data?: string;
  /** ServiceConfig only: plain text. */
  dataRaw?: string;
  labels?: Label[];
}

/** The provider's base64 may be URL-safe; Docker wants the standard alphabet. */
const standardBase64 = (inputs: SwarmDataInputs) =>
  inputs.dataRaw !== undefined
    ? Buffer.from(inputs.dataRaw).toString("base64")
    : (inputs.data ?? "").replace(/-/g, "+").replace(/_/g, "/");

/**
 * `docker.Secret` and `docker.ServiceConfig`: immutable Swarm objects, so any change replaces them
 * (Docker refuses while a service still uses the old one: the service is replaced first).
 */
function swarmDataKind(kind: Extract<ObjectKind, "secret" | "config">): ResourceKind<SwarmDataInputs> {
  return {
    async desire(ctx, inputs) {
      return { inputs, name: inputs.name ?? ctx.resource.name, hash: inputsHash(ctx.resource.type, inputs) };
    },
    current: (ctx) => labelledCurrent(ctx, kind),
    async create(ctx, desired) {
      await freeName(ctx, kind, desired.name);
      const Labels = objectLabels(ctx.spec, labelMap(desired.inputs.labels), ctx.resource, desired.hash);
      const spec = { Name: desired.name, Labels, Data: standardBase64(desired.inputs) };
      const created: { id?: string; ID?: string } =
        kind === "secret" ? await ctx.docker.createSecret(spec) : await ctx.docker.createConfig(spec);
      return { ...desired.inputs, id: created.id ?? created.ID, name: desired.name };
    },
    observe: async (_ctx, desired, current) => ({ ...desired.inputs, id: current.id, name: desired.name }),
    remove: (ctx, current) =>
      removeObject(ctx.docker, { kind, id: current.id, name: current.name, labels: {} }),
    placeholder: (desired) => ({ ...desired.inputs, id: `(${kind} ${desired.name})`, name: desired.name }),
  };
}

export const secretKind = swarmDataKind("secret");
export const serviceConfigKind = swarmDataKind("config");
