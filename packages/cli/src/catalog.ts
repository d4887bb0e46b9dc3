import { ExitCode, LabctlError } from "@labctl/core";
import tp03 from "@labctl/lab-tp03";
import type { Lab } from "@labctl/sdk";

/**
 * The one list of labs the CLI knows. Importing a lab loads only its metadata and checks;
 * its Pulumi program is loaded when an engine runs it.
 */
export const LABS: readonly Lab[] = [tp03 as Lab];

export function findLab(id: string): Lab {
  const lab = LABS.find((l) => l.id === id);
  if (!lab) {
    throw new LabctlError(
      `Unknown lab "${id}".`,
      `Available labs: ${LABS.map((l) => l.id).join(", ")} (see \`labctl labs\`).`,
      ExitCode.usage,
      "UNKNOWN_LAB",
    );
  }
  return lab;
}
