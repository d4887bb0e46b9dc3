import { join } from "node:path";
import type { LabctlHome } from "../home/labctl-home";
import { identityKey, type KnownIds } from "../roster/roster-students";
import type { Roster } from "../roster/roster-types";
import { classDir } from "./class-paths";
import { readJson, writeJson } from "./json-file";

const file = (home: LabctlHome, classId: string) => join(classDir(home, classId), "students.json");

/** Ids the class's students were given before (by email, else name): they keep them. */
export const knownStudentIds = (home: LabctlHome, classId: string): KnownIds =>
  readJson<KnownIds>(file(home, classId)) ?? {};

/** Remembers the roster's ids, so a re-sorted or grown roster gives everyone the same id again. */
export function rememberStudentIds(home: LabctlHome, classId: string, roster: Roster): void {
  const known = knownStudentIds(home, classId);
  const next = { ...known };
  for (const student of roster.students) next[identityKey(student)] = student.id;
  if (JSON.stringify(next) !== JSON.stringify(known)) writeJson(file(home, classId), next);
}
