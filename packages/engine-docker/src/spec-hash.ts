import { createHash } from "node:crypto";

/** JSON with object keys sorted and undefined fields dropped, so equal specs print equally. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortDeep(item)));
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) sorted[key] = sortDeep(field);
  }
  return sorted;
}

/**
 * The `dev.labctl.spec` label: a digest of an object's resolved spec. `up` keeps an object whose
 * label matches and replaces it otherwise. Secrets take part (a changed password must replace the
 * object); only a digest is stored, and the values hashed are generated, high-entropy secrets.
 */
export function specHash(value: unknown): string {
  return createHash("sha256").update(stableStringify(value)).digest("hex").slice(0, 32);
}
