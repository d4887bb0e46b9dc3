import type { Lab } from "@labctl/sdk";
import type { LabctlConfig } from "../config/config";
import type { LabctlHome } from "../home/labctl-home";
import type { Roster } from "../roster/roster-types";
import type { ClassEngine } from "./class-engine";
import type { StudentProgress } from "./class-types";
import type { StudentSelection } from "./select-students";

/** What every class verb takes: objects, not ids (the CLI resolves them). */
export interface ClassOptions {
  home: LabctlHome;
  config: LabctlConfig;
  lab: Lab;
  classId: string;
  roster: Roster;
  engine: ClassEngine;
  /** Students worked on at once. */
  concurrency: number;
  selection?: StudentSelection;
  /** Ctrl-C. */
  signal?: AbortSignal;
  onProgress?: (progress: StudentProgress) => void;
}
