import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ExitCode, LabctlError } from "../errors";
import type { LabctlHome } from "../home/labctl-home";

/** Each lab takes a window of this many ports inside a student's block. */
export const LAB_WINDOW = 10;

interface Allocations {
  /** `<class>/<student>` -> block index; allocated once, never moved. */
  students: Record<string, number>;
  /** lab id -> window index inside every block; allocated once. */
  labs: Record<string, number>;
}

export interface PortLayout {
  portBase: number;
  portBlockSize: number;
}

const file = (home: LabctlHome) => join(home.root, "ports.json");

function read(home: LabctlHome): Allocations {
  try {
    return JSON.parse(readFileSync(file(home), "utf8")) as Allocations;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { students: {}, labs: {} };
    throw new LabctlError(
      `${file(home)} is corrupt: ${(e as Error).message}.`,
      "Restore it from a backup or delete it (ports will be re-allocated).",
      ExitCode.badInput,
    );
  }
}

function write(home: LabctlHome, allocations: Allocations): void {
  mkdirSync(dirname(file(home)), { recursive: true });
  const tmp = `${file(home)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(allocations, null, 2)}\n`);
  renameSync(tmp, file(home));
}

const nextIndex = (table: Record<string, number>): number =>
  Object.values(table).reduce((max, i) => Math.max(max, i + 1), 0);

/**
 * Host ports for one environment. A student's block and a lab's window are allocated on first
 * use and kept in `<home>/ports.json`, so ports stay stable when a roster grows or labs are added.
 * port = base + block * blockSize + window * 10 + role index.
 */
export function allocatePorts(
  home: LabctlHome,
  layout: PortLayout,
  env: { classId: string; student: string; lab: string; roles: string[] },
  /** false: compute what the ports would be without recording a new allocation. */
  claim = true,
): Record<string, number> {
  if (env.roles.length > LAB_WINDOW) throw new Error(`lab ${env.lab} declares more than ${LAB_WINDOW} ports`);
  const allocations = read(home);
  const studentKey = `${env.classId}/${env.student}`;
  let changed = false;
  if (allocations.students[studentKey] === undefined) {
    allocations.students[studentKey] = nextIndex(allocations.students);
    changed = true;
  }
  if (allocations.labs[env.lab] === undefined) {
    allocations.labs[env.lab] = nextIndex(allocations.labs);
    changed = true;
  }
  const block = allocations.students[studentKey] as number;
  const window = allocations.labs[env.lab] as number;
  if ((window + 1) * LAB_WINDOW > layout.portBlockSize) {
    throw new LabctlError(
      `Port block size ${layout.portBlockSize} is too small for ${window + 1} labs.`,
      "Raise portBlockSize in config.yaml (a multiple of 10).",
      ExitCode.badInput,
    );
  }
  const first = layout.portBase + block * layout.portBlockSize + window * LAB_WINDOW;
  if (first + LAB_WINDOW > 65536) {
    throw new LabctlError(
      `No host ports left for student block ${block} (from ${first}).`,
      "Lower portBase or portBlockSize in config.yaml.",
      ExitCode.badInput,
    );
  }
  if (changed && claim) write(home, allocations);
  return Object.fromEntries(env.roles.map((role, i) => [role, first + i]));
}
