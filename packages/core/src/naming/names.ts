/** The one naming function: `<lab>-<student>-<role>` (DESIGN §4). */
export function objectName(lab: string, student: string, role: string): string {
  return `${lab}-${student}-${role}`;
}

/** Pulumi stack name for one environment; the class keeps two classes' stacks apart. */
export function stackName(student: string, classId: string): string {
  return classId === "default" ? student : `${classId}.${student}`;
}
