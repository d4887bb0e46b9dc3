import type { DockerProbe, RunResult } from "@labctl/sdk";

/**
 * What one TCP connect came to. "connected" means MariaDB's greeting came back; "silent" a
 * connection that nothing answered (some networks accept any connect on the way: only the
 * server's greeting proves that db was reached).
 */
export type ConnectOutcome =
  | "connected"
  | "silent"
  | "timed out"
  | "refused"
  | "unresolved"
  | "unreachable"
  | "other";

/** How long one connect may take: on an overlay an answer comes in milliseconds, so silence is a drop. */
export const CONNECT_TIMEOUT_S = 3;

// bash's /dev/tcp makes the connect and reads the first bytes the server sends (MariaDB speaks
// first: its greeting names it); coreutils' `timeout` bounds it all (exit 124). Both are in the
// MariaDB images (official and stand-in), whose entrypoint runs any other command as it is.
// One line per target: "<target> rc=<code> <the greeting's printable bytes, or bash's message>".
const GREET = `exec 3<>"/dev/tcp/\${0%:*}/\${0##*:}" || exit 1; read -r -N 60 -t 2 g <&3; printf %s "$g" | tr -c "[:print:]" .`;
const SCRIPT = [
  'for target in "$@"; do',
  `  out=$(timeout ${CONNECT_TIMEOUT_S} bash -c '${GREET}' "$target" 2>&1)`,
  '  echo "$target rc=$? $out"',
  "done",
].join("\n");

export interface Connect {
  target: string;
  outcome: ConnectOutcome;
  /** bash's words, e.g. "connect: Connection refused". */
  detail: string;
}

function outcomeOf(rc: number, detail: string): ConnectOutcome {
  if (rc === 0) return /mariadb|mysql/i.test(detail) ? "connected" : "silent";
  if (rc === 124) return "timed out";
  if (/refused/i.test(detail)) return "refused";
  if (/not known|name resolution|no address associated|unknown host/i.test(detail)) return "unresolved";
  if (/no route to host|network is unreachable/i.test(detail)) return "unreachable";
  return "other";
}

/** Parses the script's lines; undefined for a target it did not report (the container died first). */
export function parseConnects(logs: string, targets: string[]): (Connect | undefined)[] {
  const lines = logs.split("\n");
  return targets.map((target) => {
    const line = lines.find((l) => l.startsWith(`${target} rc=`));
    const found = line?.slice(target.length).match(/^ rc=(\d+) ?(.*)$/);
    if (!found) return undefined;
    const detail = (found[2] ?? "").replace(/^.*?bash: (line \d+: )?/, "").trim();
    return { target, outcome: outcomeOf(Number(found[1]), detail), detail };
  });
}

/**
 * From a one-off container of `image` on `network`, one TCP connect per `host:port` target.
 * Resolves with each outcome, or with why the probe itself did not run (no bash in the image,
 * a network it may not attach to): then it proves nothing either way.
 */
export async function connectFrom(
  run: NonNullable<DockerProbe["run"]>,
  image: string,
  network: string,
  targets: string[],
  labels: Record<string, string>,
): Promise<{ connects: Connect[] } | { broken: string }> {
  const result: RunResult = await run(image, {
    cmd: ["bash", "-c", SCRIPT, "probe", ...targets],
    labels,
    network,
    timeoutMs: (targets.length * CONNECT_TIMEOUT_S + 15) * 1000,
  });
  const connects = parseConnects(result.logs, targets);
  if (connects.every((c) => c !== undefined)) return { connects: connects as Connect[] };
  const why = result.timedOut ? "it did not finish in time" : `it exited with code ${result.exitCode}`;
  const said = result.logs.trim().split("\n").at(-1);
  return {
    broken: `a probe container (${image}) on ${network} could not test the connection: ${why}${said ? `: ${said}` : ""}`,
  };
}
