import type { CheckOutcome } from "@labctl/core";

export interface Target {
  address: string;
  container: string;
  student: string;
  /** The subnet the address is in, when known: where its decoy is taken from. */
  subnet?: string;
}

/** A student's side of the check: the containers it probed from (one per network), and its own services that answered. */
export interface Side {
  probers: string[];
  answered: Target[];
  running: number;
  /** The other students its probe tried (see peersOf in isolation-check). */
  peers: string[];
  /** Other students' addresses that connected, but so did a free address beside them: not a crossing. */
  sunk: number;
}

/** One student's container reached another student's service. */
export interface Crossing {
  from: string;
  prober: string;
  target: Target;
}

/** Crossings named in one message; a shared network gives one per pair of students. */
const MAX_LISTED = 3;

/**
 * A student's verdict: fail when a crossing involves them (either way), error when none of their
 * containers could probe, skipped when nothing runs or nobody else answers, pass otherwise.
 */
export function isolationOutcome(
  student: string,
  sides: Map<string, Side>,
  crossings: Crossing[],
): Pick<CheckOutcome, "status" | "message" | "attempts"> {
  const involved = crossings.filter((c) => c.from === student || c.target.student === student);
  if (involved.length > 0) {
    const listed = involved
      .slice(0, MAX_LISTED)
      .map(
        (c) =>
          `${c.from}'s ${c.prober} reached ${c.target.student}'s ${c.target.container} at ${c.target.address}`,
      );
    const more = involved.length > MAX_LISTED ? `; and ${involved.length - MAX_LISTED} more` : "";
    return { status: "fail", message: `${listed.join("; ")}${more}`, attempts: 1 };
  }
  const side = sides.get(student);
  if (!side) return { status: "skipped", message: "no running container to probe from", attempts: 0 };
  if (side.probers.length === 0)
    return {
      status: "error",
      message: `none of ${student}'s ${side.running} running containers could probe its own services (no sh with node, python3, bash or nc, or no service answering)`,
      attempts: 1,
    };
  const others = side.peers.reduce((n, peer) => n + (sides.get(peer)?.answered.length ?? 0), 0);
  if (others === 0)
    return { status: "skipped", message: "no other student's service answers to probe", attempts: 1 };
  const [it, its] = side.probers.length === 1 ? ["it", "its"] : ["they", "their"];
  const sunk =
    side.sunk > 0
      ? ` (${side.sunk} connect${side.sunk === 1 ? "" : "s"} to their addresses went to something on the way that accepts any address, as a free address beside them answered too: not to their services)`
      : "";
  return {
    status: "pass",
    message: `${side.probers.join(" and ")} cannot reach the ${others} service${others === 1 ? "" : "s"} of the ${side.peers.length} other student${side.peers.length === 1 ? "" : "s"} ${it} probed; ${it === "it" ? "it reaches" : "they reach"} ${its} own${sunk}`,
    attempts: 1,
  };
}
