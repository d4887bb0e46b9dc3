import { userInfo } from "node:os";
import type { Student } from "@labctl/sdk";
import { ExitCode, LabctlError } from "../errors";
import { isSlug, slugify } from "./slug";

export type IdKind = "class" | "student" | "lab";

const EXAMPLE: Record<IdKind, string> = {
  class: "--class devops-2026",
  student: "--student alice",
  lab: "tp03",
};

/**
 * The one check for every id that becomes a path, a label or a name (class, student, lab):
 * a slug (lowercase letters, digits, inner dashes, at most 30), so no id can climb out of
 * LABCTL_HOME (`..`, `a/b`), collide by case or break a DNS-1123 name. Returns the id as is.
 */
export function validId(kind: IdKind, value: string): string {
  if (typeof value === "string" && isSlug(value)) return value;
  throw new LabctlError(
    `"${value}" is not a valid ${kind} id.`,
    `Use lowercase letters, digits and dashes (at most 30), e.g. ${EXAMPLE[kind]}.`,
    ExitCode.usage,
    "BAD_ID",
  );
}

/** True when `value` is a valid id of any kind (for ids read from elsewhere, e.g. Docker labels). */
export const isValidId = (value: string | undefined): value is string =>
  typeof value === "string" && isSlug(value);

/** The student a single-environment command is about: `--student`, else the OS user as a slug. */
export function studentFor(id: string | undefined): Student {
  const valid = validId("student", id ?? slugify(userInfo().username));
  return { id: valid, name: valid };
}
