import { join } from "node:path";
import { type LabctlHome, readStateFile, type StateFileKind, writeStateFile } from "@labctl/core";
import { identityKey, type KnownIds, type Roster } from "@labctl/roster";
import { z } from "zod";
import { classDir } from "./class-paths";

const idsKind: StateFileKind<KnownIds> = {
  what: "The class's student ids file",
  schema: z.record(z.string(), z.string()),
  advice:
    "It keeps each student's id stable when the roster changes: restore it from a backup (moving it away may give some students new ids, hence new environments).",
};

const file = (home: LabctlHome, classId: string) => join(classDir(home, classId), "students.json");

/** Ids the class's students were given before (by email, else name): they keep them. */
export const knownStudentIds = (home: LabctlHome, classId: string): KnownIds =>
  readStateFile(file(home, classId), idsKind) ?? {};

/** Remembers the roster's ids, so a re-sorted or grown roster gives everyone the same id again. */
export function rememberStudentIds(home: LabctlHome, classId: string, roster: Roster): void {
  const known = knownStudentIds(home, classId);
  const next = { ...known };
  for (const student of roster.students) next[identityKey(student)] = student.id;
  if (JSON.stringify(next) !== JSON.stringify(known)) writeStateFile(file(home, classId), next);
}
