import { join } from "node:path";
import type { LabctlHome } from "../home/labctl-home";

/** `<home>/classes/<class>`: what labctl remembers of a class (student ids). */
export const classDir = (home: LabctlHome, classId: string) => join(home.root, "classes", classId);

/** `<home>/classes/<class>/<lab>`: the class runs of one lab (last-run.json, verify.json, report/). */
export const classLabDir = (home: LabctlHome, classId: string, lab: string) =>
  join(classDir(home, classId), lab);
