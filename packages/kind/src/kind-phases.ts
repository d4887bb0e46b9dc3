/** One step of `kind create cluster`, as kind reports it on stderr. */
export interface KindPhase {
  /** kind's words, e.g. "Ensuring node image (kindest/node:v1.37.0) 🖼". */
  phase: string;
  state: "started" | "done" | "failed";
}

// Colour codes, should a kind build add them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes start with ESC.
const ANSI = /\u001b\[[0-9;]*m/g;
const MARKED = /^\s*([•✓✗])\s+(.*?)\s*$/u;
const STARTED = /^(.*?)\s*\.\.\.$/;

/**
 * Without a terminal, kind logs " • <phase>  ..." when a step starts and " ✓ <phase>" or
 * " ✗ <phase>" when it ends. A " • " line without the trailing "..." (" • Ready after 15s 💚")
 * is a note, not a step.
 */
export function parsePhase(line: string): KindPhase | undefined {
  const marked = MARKED.exec(line.replace(ANSI, ""));
  if (!marked) return undefined;
  const [, mark, text = ""] = marked;
  if (mark === "✓") return { phase: text, state: "done" };
  if (mark === "✗") return { phase: text, state: "failed" };
  const started = STARTED.exec(text);
  return started?.[1] ? { phase: started[1], state: "started" } : undefined;
}

/** Every step in a block of kind's stderr, in order. */
export const parsePhases = (stderr: string): KindPhase[] =>
  stderr.split(/\r\n|\n|\r/).flatMap((line) => parsePhase(line) ?? []);
