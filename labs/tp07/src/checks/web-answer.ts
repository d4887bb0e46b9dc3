import type { CheckContext, HttpResponse } from "@labctl/sdk";
import type { Tp07Outputs } from "../outputs";
import { SERVED_BY } from "../topology";

/** The task container that served an answer of web: the word after "served by ". */
export function servedBy(body: string): string | undefined {
  const at = body.indexOf(SERVED_BY);
  if (at < 0) return undefined;
  return (
    body
      .slice(at + SERVED_BY.length)
      .trim()
      .split(/\s+/)[0] || undefined
  );
}

/** One GET of the ingress naming `host` (the student's by default), as a browser asking for that site. */
export function ingressGet(
  { http, outputs }: Pick<CheckContext<Tp07Outputs>, "http" | "outputs">,
  opts: { host?: string; timeoutMs?: number } = {},
): Promise<HttpResponse> {
  return http.request(outputs.url, {
    headers: { host: opts.host ?? outputs.host },
    timeoutMs: opts.timeoutMs ?? 3_000,
  });
}

/** A short, one-line quote of a body for a message. */
export const quote = (body: string): string => {
  const line = body.replace(/\s+/g, " ").trim();
  return line.length > 60 ? `"${line.slice(0, 57)}..."` : `"${line}"`;
};

/** "a ×7, b ×7, c ×6": how many answers each task gave, most first. */
export function tally(names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, n]) => `${name} ×${n}`)
    .join(", ");
}
