import type { RosterProblem } from "./roster-types";

const UTF16_LE = [0xff, 0xfe];
const UTF16_BE = [0xfe, 0xff];
const startsWith = (bytes: Uint8Array, bom: number[]) => bom.every((b, i) => bytes[i] === b);
const MAX_LISTED = 5;

/**
 * Bytes of a roster file as text. A UTF-8 byte-order mark is dropped, UTF-16 with a BOM (Excel's
 * "Unicode text") is decoded; anything else must be UTF-8: lines that are not are reported (an
 * export saved as Latin-1 or Windows-1252) and decoded with replacement characters, so the
 * other problems of the file can still be found and listed at the same time.
 */
export function decodeRoster(bytes: Uint8Array): { text: string; problems: RosterProblem[] } {
  if (startsWith(bytes, UTF16_LE)) return { text: new TextDecoder("utf-16le").decode(bytes), problems: [] };
  if (startsWith(bytes, UTF16_BE)) return { text: new TextDecoder("utf-16be").decode(bytes), problems: [] };
  const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
  if (!text.includes("\uFFFD")) return { text, problems: [] };
  const strict = new TextDecoder("utf-8", { fatal: true });
  const bad: number[] = [];
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const slice = bytes.subarray(start, end === -1 ? bytes.length : end);
    try {
      strict.decode(slice);
    } catch {
      bad.push(line);
    }
    if (end === -1) break;
    start = end + 1;
  }
  const more = bad.length > MAX_LISTED ? ` (and ${bad.length - MAX_LISTED} more lines)` : "";
  const problems = bad.slice(0, MAX_LISTED).map((line, i) => ({
    line,
    message: `not valid UTF-8${i === 0 ? more : ""}: save the file as UTF-8 (e.g. "CSV UTF-8" in a spreadsheet), not Latin-1 or Windows-1252`,
  }));
  return { text, problems };
}
