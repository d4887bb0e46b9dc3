import { isUnknown } from "@pulumi/pulumi";

// Pulumi's wire format marks a secret as { [SIG_KEY]: SECRET_SIG, value }; the mock monitor hands
// inputs over in that form. These constants are fixed by the Pulumi protocol.
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/**
 * Deep copy of mock inputs with every secret replaced by its plain value (Docker needs the real
 * value) and every unknown (a preview's not-yet-computed output) by undefined.
 */
export function unwrapSecrets<T = unknown>(value: unknown): T {
  if (isUnknown(value)) return undefined as T;
  if (Array.isArray(value)) return value.map((item) => unwrapSecrets(item)) as T;
  if (value === null || typeof value !== "object") return value as T;
  const record = value as Record<string, unknown>;
  if (record[SIG_KEY] === SECRET_SIG) return unwrapSecrets(record.value);
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(record)) copy[key] = unwrapSecrets(field);
  return copy as T;
}

/** Pulumi's docker provider spells labels as a list of { label, value }; Docker wants a map. */
export function labelMap(list: { label: string; value: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((list ?? []).map(({ label, value }) => [label, value]));
}
