import { basename, extname } from "node:path";
import { ExitCode, LabctlError } from "../errors";
import { isSlug, slugify } from "../naming/slug";

/** The class id: `--class` when given (must be a slug), else the roster file's name as a slug. */
export function classIdFor(rosterFile: string, flag?: string): string {
  if (flag !== undefined) {
    if (!isSlug(flag)) {
      throw new LabctlError(
        `"${flag}" is not a valid class id.`,
        "Use lowercase letters, digits and dashes (at most 30), e.g. --class devops-2026.",
        ExitCode.usage,
        "BAD_CLASS_ID",
      );
    }
    return flag;
  }
  return slugify(basename(rosterFile, extname(rosterFile))) || "class";
}
