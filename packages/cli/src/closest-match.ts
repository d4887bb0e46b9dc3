/** fast-levenshtein ships no types; this is the part labctl uses. */
const levenshtein = require("fast-levenshtein") as { get: (a: string, b: string) => number };

/**
 * The candidate closest to what was typed, or undefined when none is close enough to be a typo
 * (at most two edits, or half the word): "verfy" -> "verify", "xyzzy" -> nothing.
 */
export function closestMatch(typed: string, candidates: readonly string[]): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const id of candidates) {
    const distance = levenshtein.get(typed, id);
    if (!best || distance < best.distance) best = { id, distance };
  }
  if (!best) return undefined;
  return best.distance <= Math.max(2, Math.floor(typed.length / 2)) ? best.id : undefined;
}
