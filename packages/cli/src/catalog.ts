import tp01 from "@labctl/lab-tp01";
import tp02 from "@labctl/lab-tp02";
import tp03 from "@labctl/lab-tp03";
import tp04 from "@labctl/lab-tp04";
import tp05 from "@labctl/lab-tp05";
import tp06 from "@labctl/lab-tp06";
import tp07 from "@labctl/lab-tp07";
import { ExitCode, type Lab, LabctlError } from "@labctl/sdk";

/**
 * The one list of labs the CLI knows. Importing a lab loads only its metadata and checks;
 * its Pulumi program is loaded when an engine runs it.
 */
export const LABS: readonly Lab[] = [
  tp01 as Lab,
  tp02 as Lab,
  tp03 as Lab,
  tp04 as Lab,
  tp05 as Lab,
  tp06 as Lab,
  tp07 as Lab,
];

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
