import { basename, extname } from "node:path";
import { slugify, validId } from "@labctl/core";

/** The class id: `--class` when given (must be a valid id), else the roster file's name as a slug. */
export function classIdFor(rosterFile: string, flag?: string): string {
  if (flag !== undefined) return validId("class", flag);
  return slugify(basename(rosterFile, extname(rosterFile))) || "class";
}
