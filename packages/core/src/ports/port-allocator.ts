import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { ExitCode, LabctlError } from "../errors";
import { insideHome, type LabctlHome } from "../home/labctl-home";
import { validId } from "../naming/valid-id";
import { describeOwner, withFileLock } from "../state/file-lock";
import { readStateFile, type StateFileKind, writeStateFile } from "../state/state-file";

/** Each lab takes a window of this many ports inside a student's block. */
export const LAB_WINDOW = 10;

/** How long a run waits for another one's port allocation (a few milliseconds of work). */
export const PORTS_LOCK_WAIT_MS = 15_000;
const PORTS_LOCK_STALE_MS = 10_000;

interface Allocations {
  /** `<class>/<student>` -> block index; allocated once, never moved. */
  students: Record<string, number>;
  /** lab id -> window index inside every block; allocated once. */
  labs: Record<string, number>;
}

const index = z.number().int().nonnegative();
const allocationsKind: StateFileKind<Allocations> = {
  what: "The port allocations file",
  schema: z.object({ students: z.record(z.string(), index), labs: z.record(z.string(), index) }),
  advice:
    "Restore it from a backup: every environment's host ports come from it. Deleting it re-allocates ports from scratch, which can give a new student the ports of a running environment.",
};

export interface PortLayout {
  portBase: number;
  portBlockSize: number;
}

/** One environment's ports to allocate. */
export interface PortRequest {
  classId: string;
  student: string;
  lab: string;
  roles: string[];
}

/**
 * Ports computed for some environments from ports.json as read, with the entries they would
 * add. Nothing is written until `commitPorts`: a run refused by its pre-flight (or a roster
 * that overflows the port range) leaves ports.json as it was.
 */
export interface PortPlan {
  layout: PortLayout;
  requests: PortRequest[];
  /** Role -> host port, one per request, in order. */
  ports: Record<string, number>[];
  /** True when ports.json has to record new blocks or windows for these ports. */
  adds: boolean;
  /** ports.json with the new entries (written by commitPorts). */
  next: Allocations;
}

export const portsFile = (home: LabctlHome): string => insideHome(home, "ports.json");

const read = (home: LabctlHome): Allocations =>
  readStateFile(portsFile(home), allocationsKind) ?? { students: {}, labs: {} };

const nextIndex = (table: Record<string, number>): number =>
  Object.values(table).reduce((max, i) => Math.max(max, i + 1), 0);

/**
 * port = base + block * blockSize + window * 10 + role index. A student's block and a lab's
 * window are given on first use, so ports stay stable when a roster grows or labs are added.
 */
function compute(current: Allocations, layout: PortLayout, requests: PortRequest[]): PortPlan {
  const next: Allocations = { students: { ...current.students }, labs: { ...current.labs } };
  let adds = false;
  const ports = requests.map((env) => {
    if (env.roles.length > LAB_WINDOW)
      throw new Error(`lab ${env.lab} declares more than ${LAB_WINDOW} ports`);
    const studentKey = `${validId("class", env.classId)}/${validId("student", env.student)}`;
    const lab = validId("lab", env.lab);
    if (next.students[studentKey] === undefined) {
      next.students[studentKey] = nextIndex(next.students);
      adds = true;
    }
    if (next.labs[lab] === undefined) {
      next.labs[lab] = nextIndex(next.labs);
      adds = true;
    }
    const block = next.students[studentKey] as number;
    const window = next.labs[lab] as number;
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
        `No host ports left for student block ${block} (from ${first}); nothing was allocated.`,
        "Lower portBase or portBlockSize in config.yaml, or split the roster.",
        ExitCode.badInput,
      );
    }
    return Object.fromEntries(env.roles.map((role, i) => [role, first + i]));
  });
  return { layout, requests, ports, adds, next };
}

/** The ports these environments get (already allocated, or next free); writes nothing. */
export const planPorts = (home: LabctlHome, layout: PortLayout, requests: PortRequest[]): PortPlan =>
  compute(read(home), { portBase: layout.portBase, portBlockSize: layout.portBlockSize }, requests);

/**
 * Records a plan, once its run's pre-flight passed. Under the ports lock, ports.json is read
 * again and the plan recomputed: when it still gives the same ports (or `acceptChanged`) it is
 * written (`committed`); when another run allocated meanwhile, nothing is written and the
 * fresh plan comes back for the caller to check again (optimistic: no reservation to undo).
 */
export async function commitPorts(
  home: LabctlHome,
  plan: PortPlan,
  acceptChanged = false,
): Promise<{ committed: boolean; plan: PortPlan }> {
  // Allocations are never taken back, so a plan that adds nothing cannot go stale.
  if (!plan.adds) return { committed: true, plan };
  const file = portsFile(home);
  return withFileLock(
    file,
    {
      verb: "allocate ports",
      waitMs: PORTS_LOCK_WAIT_MS,
      staleMs: PORTS_LOCK_STALE_MS,
      busy: (owner) =>
        new LabctlError(
          `${file} is locked by another labctl run${describeOwner(owner)} (waited ${PORTS_LOCK_WAIT_MS / 1000} s).`,
          `Run the command again. If that process is gone, the lock expires by itself within ${PORTS_LOCK_STALE_MS / 1000} s.`,
          ExitCode.locked,
          "LOCKED",
        ),
    },
    () => {
      const fresh = compute(read(home), plan.layout, plan.requests);
      if (!acceptChanged && !isDeepStrictEqual(fresh.ports, plan.ports))
        return { committed: false, plan: fresh };
      if (fresh.adds) writeStateFile(file, fresh.next);
      return { committed: true, plan: fresh };
    },
  );
}

/**
 * Commits a plan that `check` (the pre-flight) accepted, re-planning and re-checking while
 * other runs allocate at the same time: the ports checked are the ports recorded. When
 * `check` throws, nothing is written.
 */
export async function commitChecked(
  home: LabctlHome,
  plan: PortPlan,
  check: (plan: PortPlan) => Promise<void>,
): Promise<PortPlan> {
  let current = plan;
  for (let attempt = 1; ; attempt++) {
    await check(current);
    const outcome = await commitPorts(home, current);
    if (outcome.committed) return outcome.plan;
    if (attempt >= 10) {
      throw new LabctlError(
        "Other labctl runs kept allocating ports while this one was starting; nothing was allocated.",
        "Run the command again.",
        ExitCode.locked,
        "LOCKED",
      );
    }
    current = outcome.plan;
  }
}

/** Allocates (records) one environment's ports and returns them. */
export async function allocatePorts(
  home: LabctlHome,
  layout: PortLayout,
  env: PortRequest,
): Promise<Record<string, number>> {
  // Nothing to check first: what the lock recomputes is what gets recorded.
  const { plan } = await commitPorts(home, planPorts(home, layout, [env]), true);
  return plan.ports[0] as Record<string, number>;
}

/** One environment's ports as they are or would be, recording nothing (verify, down, preview). */
export const portsFor = (home: LabctlHome, layout: PortLayout, env: PortRequest): Record<string, number> =>
  planPorts(home, layout, [env]).ports[0] as Record<string, number>;
