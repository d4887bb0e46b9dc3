import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Words a generated secret must never be (the course's seed values). */
const FORBIDDEN = new Set(["root", "password", "wordpress", "admin", "secret"]);

/** 24 URL-safe characters (~143 bits); no quotes or `$`, so shells and env files take them as is. */
export function generateSecret(): string {
  for (;;) {
    const value = randomBytes(18).toString("base64url");
    if (!FORBIDDEN.has(value.toLowerCase())) return value;
  }
}

function readStored(file: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw e;
  }
}

/** The secrets already generated for an environment (none before its first `up`). */
export function readSecrets(envDir: string, names: string[]): Record<string, string> {
  const stored = readStored(join(envDir, "secrets.json"));
  return Object.fromEntries(
    names.filter((n) => typeof stored[n] === "string").map((n) => [n, stored[n] as string]),
  );
}

/**
 * Per-environment generated secrets, kept in `<envDir>/secrets.json` (dir 0700, file 0600).
 * Generated once and reused, so a re-run of `up` keeps the database's passwords.
 */
export function ensureSecrets(envDir: string, names: string[]): Record<string, string> {
  const file = join(envDir, "secrets.json");
  const stored = readStored(file);
  const missing = names.filter((n) => typeof stored[n] !== "string" || stored[n] === "");
  if (missing.length > 0) {
    for (const name of missing) stored[name] = generateSecret();
    mkdirSync(envDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
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
