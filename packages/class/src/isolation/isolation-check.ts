import type { CheckOutcome } from "@labctl/core";
import { type ExecResult, LABEL } from "@labctl/sdk";
import { pLimit } from "../p-limit";
import { CONNECT_SCRIPT, reachedTargets } from "./connect-script";
import { decoyAddress } from "./decoy-address";
import { type Crossing, isolationOutcome, type Side, type Target } from "./isolation-outcome";
import type { IsolationProbe, ProbedContainer } from "./isolation-probe";

export const ISOLATION_CHECK = {
  id: "isolation",
  title: "Cannot reach another student's containers",
  /** A property of the platform, not of the student's work: reported, never graded. */
  points: 0,
  hint: "Each student's containers must sit only on that student's networks: look for a container attached to another student's network, or Docker started without its iptables rules.",
};

const NO_TOOL = new Set([126, 127]);

/** Students each one probes besides those it shares a network with (the next ones, in a ring). */
export const RING_PEERS = 3;

export interface IsolationOptions {
  lab: string;
  classId: string;
  /** Students to report on (the selected ones); every running student of the class probes and is probed. */
  students: string[];
  /** Seconds a connection may take (a same-network connect takes milliseconds). */
  timeoutSeconds?: number;
  concurrency?: number;
}

const targetsOf = (student: string, containers: ProbedContainer[]): Target[] =>
  containers.flatMap((c) =>
    c.addresses.flatMap((ip, i) =>
      c.ports.map((port) => ({ address: `${ip}:${port}`, container: c.name, student, subnet: c.subnets[i] })),
    ),
  );

const asTarget = (address: string): Target => ({ address, container: "", student: "" });
const portOf = (address: string) => address.slice(address.lastIndexOf(":") + 1);

/** A target's decoy is shared by every target of its subnet and port. */
const decoyKey = (t: Target) => `${t.subnet}|${portOf(t.address)}`;

/** One free address (with the target's port) per subnet and port the peers' targets are in. */
function decoysFor(targets: Target[], taken: ReadonlySet<string>): Map<string, string> {
  const decoys = new Map<string, string>();
  for (const t of targets) {
    const key = decoyKey(t);
    if (!t.subnet || decoys.has(key)) continue;
    const free = decoyAddress(t.subnet, taken);
    if (free) decoys.set(key, `${free}:${portOf(t.address)}`);
  }
  return decoys;
}

/**
 * The students one student probes: every student it shares a network with (where a crossing
 * would come from: found from the containers' attachments, exhaustively), plus the next
 * RING_PEERS students in order, which proves the engine really drops traffic between networks.
 * Probing every pair would cost one connect timeout per unreachable target for nothing more.
 */
function peersOf(student: string, byStudent: Map<string, ProbedContainer[]>): string[] {
  const order = [...byStudent.keys()].sort();
  const at = order.indexOf(student);
  const ring = Array.from(
    { length: Math.min(RING_PEERS, order.length - 1) },
    (_, i) => order[(at + i + 1) % order.length] as string,
  );
  const mine = new Set((byStudent.get(student) ?? []).flatMap((c) => c.networks));
  const sharing = order.filter(
    (other) =>
      other !== student && (byStudent.get(other) ?? []).some((c) => c.networks.some((n) => mine.has(n))),
  );
  return [...new Set([...sharing, ...ring])];
}

/**
 * Proves students are isolated from each other. From one running container per network of each
 * student, one probe connects to the student's own services (the control: the tool works, the
 * services listen) and to its peers' (see peersOf); reaching another student's service is a
 * crossing. A container without a tool, or that reaches none of its own services, hands over to
 * the student's next one on that network.
 */
export async function isolationCheck(
  probe: IsolationProbe,
  opts: IsolationOptions,
): Promise<Record<string, CheckOutcome>> {
  const started = Date.now();
  const limit = pLimit(opts.concurrency ?? 8);
  const timeout = String(opts.timeoutSeconds ?? 1);
  const running = await probe.containers({ [LABEL.lab]: opts.lab, [LABEL.class]: opts.classId });
  const byStudent = new Map<string, ProbedContainer[]>();
  for (const c of [...running].sort((a, b) => a.name.localeCompare(b.name)))
    byStudent.set(c.student, [...(byStudent.get(c.student) ?? []), c]);
  const targets = new Map(
    [...byStudent].map(([student, containers]) => [student, targetsOf(student, containers)]),
  );
  const taken = new Set(running.flatMap((c) => c.addresses));

  const connect = async (container: string, to: Target[]): Promise<Set<string> | undefined> => {
    let result: ExecResult;
    try {
      result = await probe.exec(container, [
        "sh",
        "-c",
        CONNECT_SCRIPT,
        "probe",
        timeout,
        ...to.map((t) => t.address),
      ]);
    } catch {
      return undefined;
    }
    return NO_TOOL.has(result.exitCode) ? undefined : reachedTargets(result.stdout);
  };

  const sides = new Map<string, Side>();
  const crossings: Crossing[] = [];
  await Promise.all(
    [...byStudent].map(([student, containers]) =>
      limit(async () => {
        const peers = peersOf(student, byStudent);
        const side: Side = { probers: [], answered: [], running: containers.length, peers, sunk: 0 };
        sides.set(student, side);
        const own = targets.get(student) ?? [];
        const theirs = peers.flatMap((peer) => targets.get(peer) ?? []);
        const decoys = decoysFor(theirs, taken);
        const probed = [...own, ...theirs, ...[...decoys.values()].map(asTarget)];
        // One prober per network the student is on: a crossing shows only from a container on the
        // network it comes through (a lab with front and back overlays has no one container on both).
        const covered = new Set<string>();
        const sunk = new Set<string>();
        const crossed = new Set<string>();
        const answered = new Map<string, Target>();
        for (const network of own.length > 0
          ? [...new Set(containers.flatMap((c) => c.networks))].sort()
          : []) {
          if (covered.has(network)) continue;
          for (const c of containers.filter((x) => x.networks.includes(network))) {
            const reached = await connect(c.name, probed);
            const mine = own.filter((t) => reached?.has(t.address));
            if (mine.length === 0) continue;
            side.probers.push(c.name);
            for (const t of mine) answered.set(t.address, t);
            for (const n of c.networks) covered.add(n);
            for (const target of theirs) {
              if (!reached?.has(target.address)) continue;
              const decoy = decoys.get(decoyKey(target));
              if (decoy && reached.has(decoy)) sunk.add(target.address);
              else if (!crossed.has(target.address)) {
                // Seen from one prober is enough: another on a second network would list it again.
                crossed.add(target.address);
                crossings.push({ from: student, prober: c.name, target });
              }
            }
            break;
          }
        }
        side.answered = [...answered.values()];
        side.sunk = sunk.size;
      }),
    ),
  );
  const durationMs = Date.now() - started;
  return Object.fromEntries(
    opts.students.map((student) => [
      student,
      { ...ISOLATION_CHECK, earned: 0, durationMs, ...isolationOutcome(student, sides, crossings) },
    ]),
  );
}

/** Every student's outcome when the check itself could not run (Docker unreachable). */
export function isolationNotRun(students: string[], error: unknown): Record<string, CheckOutcome> {
  const message = `could not probe: ${(error as Error)?.message ?? String(error)}`;
  return Object.fromEntries(
    students.map((s) => [
      s,
      { ...ISOLATION_CHECK, earned: 0, status: "error" as const, message, attempts: 0, durationMs: 0 },
    ]),
  );
}
