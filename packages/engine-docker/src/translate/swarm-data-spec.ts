import type { Label } from "./container-inputs";

/** Resolved inputs of a `docker.Secret` or `docker.ServiceConfig`. */
export interface SwarmDataInputs {
  name?: string;
  /** Base64, URL-safe or not (the provider documents URL-safe), padded or not. */
  data?: string;
  /** ServiceConfig only: plain text. */
  dataRaw?: string;
  labels?: Label[];
}

/**
 * Docker decodes `Data` as standard, padded base64 (Go's encoding/json): the provider's URL-safe
 * or unpadded forms are turned into it.
 */
export function standardBase64(inputs: SwarmDataInputs): string {
  if (inputs.dataRaw !== undefined) return Buffer.from(inputs.dataRaw).toString("base64");
  const standard = (inputs.data ?? "").replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  return standard + "=".repeat((4 - (standard.length % 4)) % 4);
}

/** The SecretSpec / ConfigSpec Docker wants (pure). */
export function swarmDataSpec(inputs: SwarmDataInputs, name: string, labels: Record<string, string>) {
  return { Name: name, Labels: labels, Data: standardBase64(inputs) };
}
