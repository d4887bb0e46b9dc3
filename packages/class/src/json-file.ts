import { readStateFile, writeStateFile } from "@labctl/core";
import { z } from "zod";

/**
 * Kept only for class-verify-store.ts until it moves to its own schema: the state helper with
 * no shape check. A corrupt file is a STATE_CORRUPT error naming it, never "absent".
 * @deprecated use readStateFile / writeStateFile with a schema.
 */
export function readJson<T>(file: string, what = "The state file"): T | undefined {
  return readStateFile(file, { what, schema: z.unknown() }) as T | undefined;
}

/** @deprecated use writeStateFile. */
export function writeJson(file: string, value: unknown): void {
  writeStateFile(file, value);
}
