import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { z } from "zod";
import { readStateFile, type StateFileKind, writeStateFile } from "../state/state-file";

/** Words a generated secret must never be (the course's seed values). */
const FORBIDDEN = new Set(["root", "password", "wordpress", "admin", "secret"]);

/** 24 URL-safe characters (~143 bits); no quotes or `$`, so shells and env files take them as is. */
export function generateSecret(): string {
  for (;;) {
    const value = randomBytes(18).toString("base64url");
    if (!FORBIDDEN.has(value.toLowerCase())) return value;
  }
}

const secretsKind: StateFileKind<Record<string, string>> = {
  what: "The generated secrets file",
  schema: z.record(z.string(), z.string()),
  advice:
    "labctl will not replace passwords the environment's databases already use: restore the file from a backup, or run `labctl down` for this environment and `up` again to start afresh.",
};

const secretsFile = (envDir: string) => join(envDir, "secrets.json");

/** The secrets already generated for an environment (none before its first `up`). */
export function readSecrets(envDir: string, names: string[]): Record<string, string> {
  const stored = readStateFile(secretsFile(envDir), secretsKind) ?? {};
  return Object.fromEntries(
    names.filter((n) => typeof stored[n] === "string").map((n) => [n, stored[n] as string]),
  );
}

/**
 * Per-environment generated secrets, kept in `<envDir>/secrets.json` (dir 0700, file 0600,
 * written atomically). Generated once and reused, so a re-run of `up` keeps the database's
 * passwords. `envDir` comes from `environmentDir` (validated, inside the home).
 */
export function ensureSecrets(envDir: string, names: string[]): Record<string, string> {
  const file = secretsFile(envDir);
  const stored = readStateFile(file, secretsKind) ?? {};
  const missing = names.filter((n) => typeof stored[n] !== "string" || stored[n] === "");
  if (missing.length > 0) {
    for (const name of missing) stored[name] = generateSecret();
    writeStateFile(file, stored);
  }
  return Object.fromEntries(names.map((n) => [n, stored[n] as string]));
}

/** Replaces every occurrence of a secret value in outputs with a marker, for printing. */
export function redactSecrets<T>(value: T, secrets: string[]): T {
  const live = secrets.filter((s) => s.length > 0);
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return live.reduce((s, secret) => s.split(secret).join("[secret]"), v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
