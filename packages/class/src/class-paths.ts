import { insideHome, type LabctlHome, validId } from "@labctl/core";

/** `<home>/classes/<class>`: what labctl remembers of a class (student ids). */
export const classDir = (home: LabctlHome, classId: string): string =>
  insideHome(home, "classes", validId("class", classId));

/** `<home>/classes/<class>/<lab>`: the class runs of one lab (last-run.json, verify.json, report/). */
export const classLabDir = (home: LabctlHome, classId: string, lab: string): string =>
  insideHome(home, "classes", validId("class", classId), validId("lab", lab));
