import type { ClassEngine, LabctlConfig, LabctlHome } from "@labctl/core";
import type { Roster } from "@labctl/roster";
import type { Lab } from "@labctl/sdk";
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
