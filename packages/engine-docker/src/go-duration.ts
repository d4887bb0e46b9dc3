const UNIT_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/**
 * Parses a Go duration ("5s", "1m30s", "250ms", "0") into nanoseconds, the unit the Docker API
 * wants for healthcheck and Swarm timings. Undefined and "" mean "not set".
 */
export function parseGoDuration(text: string | undefined): number | undefined {
  if (text === undefined || text === "") return undefined;
  if (text === "0") return 0;
  const pattern = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    total += Number(match[1]) * (UNIT_NS[match[2] as string] as number);
    consumed = pattern.lastIndex;
  }
  if (consumed === 0 || consumed !== text.length) {
    throw new Error(`"${text}" is not a duration: use a number and a unit, e.g. "5s", "1m30s" or "500ms"`);
  }
  return Math.round(total);
}
