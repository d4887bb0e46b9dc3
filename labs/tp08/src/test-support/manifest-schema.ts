import type { RecordedResource } from "@labctl/testing";

/** A Kubernetes object as the API server would receive it. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata?: Record<string, unknown>;
  spec?: Record<string, unknown>;
}

/** The kubernetes-models module holding each API group/version's models (classes named by kind). */
const MODELS: Record<string, string> = {
  v1: "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
};

type ModelClass = new (data: Manifest) => { validate(): void };

/** The object a recorded `kubernetes:*` resource would send: its apiVersion, kind, metadata and spec. */
export function manifestOf(resource: RecordedResource): Manifest {
  const { apiVersion, kind, metadata, spec } = resource.inputs;
  return { apiVersion, kind, metadata, ...(spec !== undefined && { spec }) };
}

/**
 * Validates a manifest against the Kubernetes OpenAPI schema of its kind (kubernetes-models'
 * compiled JSON schemas); throws naming what is wrong. kubernetes-models is ESM-only: required
 * here under jest (see jest.config.js), never by the lab itself.
 */
export function validateManifest(manifest: Manifest): void {
  const module = MODELS[manifest.apiVersion];
  const Model = module
    ? (require(module) as Record<string, ModelClass | undefined>)[manifest.kind]
    : undefined;
  if (!Model) throw new Error(`no schema for ${manifest.apiVersion} ${manifest.kind}`);
  new Model(manifest).validate();
}
