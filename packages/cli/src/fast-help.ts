/**
 * `labctl --help` without oclif (bin/run.js, through fast-answer.ts): loading oclif costs about
 * three times Node's start-up, so the root help is rendered here from the rows oclif's own Help
 * class lists (dist/fast-answers.json, written by scripts/fast-answers.js at build). It must equal
 * oclif's root help byte for byte at every width: this is @oclif/core 5's Help.showRootHelp,
 * HelpFormatter.renderList/section/wrap and wrap-ansi's hard wrap, for printable ASCII only.
 * Anything else (a word longer than its column, another character) returns undefined: oclif
 * answers. fast-help.test.ts compares both at every width from 10 to 220 columns.
 */

/** The root help as oclif would print it, minus what depends on the run (width, version, colour). */
export interface RootHelpModel {
  summary: string;
  usage: string;
  /** TOPICS then COMMANDS: [name, one-line summary] as oclif's Help passes them to renderList. */
  sections: { header: string; rows: [string, string][] }[];
  /** The one-word command lines oclif answers with this help (`--help`, `-h`, `help`), besides none. */
  words: string[];
}

export interface HelpRun {
  width: number;
  /** oclif's config.userAgent: the VERSION section (version-line.ts). */
  userAgent: string;
  /** oclif's colorize("bold", …) of the section headers. */
  bold: (text: string) => string;
}

/** indent-string 4, as oclif indents (lines of blanks only stay as they are). */
const indent = (text: string, count: number) => text.replace(/^(?!\s*$)/gm, " ".repeat(count));

/** wrap-ansi 7 with { hard: true } for printable ASCII; undefined when that is not enough. */
export function wrap(text: string, columns: number): string | undefined {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    if (!/^[ -~]*$/.test(line)) return undefined;
    if (line.trim() === "") {
      out.push("");
      continue;
    }
    const rows = [""];
    for (const [index, word] of line.split(" ").entries()) {
      if (word.length > columns) return undefined; // wrap-ansi would cut the word
      let row = (rows.pop() as string).trimStart();
      if (index > 0 && row.length > 0) row += " ";
      if (row.length + word.length > columns && row.length > 0 && word.length > 0) {
        rows.push(row);
        row = "";
      }
      rows.push(row + word);
    }
    out.push(rows.map((row) => row.replace(/ +$/, "")).join("\n"));
  }
  return out.join("\n");
}

/** HelpFormatter.renderList with indentation 2 and spacer "\n" (TOPICS, COMMANDS). */
function renderList(rows: [string, string][], width: number): string | undefined {
  const widest = Math.max(...rows.map(([name]) => name.length));
  let output = "";
  let cur = "";
  for (const [name, summary] of rows) {
    if (cur) output += `\n${cur}`;
    cur = name;
    if (!summary) {
      cur = cur.trim();
      continue;
    }
    const wrapped = wrap(summary.trim(), width - (widest + 4));
    if (wrapped === undefined) return undefined;
    const [first, ...lines] = wrapped.split("\n").map((s) => s.trim());
    cur += " ".repeat(widest - cur.length + 2) + first;
    if (lines.length === 0) continue;
    if (lines.length > 4) return renderMultiline(rows, width); // oclif's switch for long rows
    cur += `\n${indent(lines.join("\n"), widest + 2)}`;
  }
  if (cur) output += `\n${cur}`;
  return output.trim();
}

/** renderList's other layout: each summary below its name. */
function renderMultiline(rows: [string, string][], width: number): string | undefined {
  let output = "";
  for (const [name, summary] of rows) {
    if (!name && !summary) continue;
    const left = name ? wrap(name.trim(), width - 2) : "";
    const right = summary ? wrap(summary.trim(), width - 4) : "";
    if (left === undefined || right === undefined) return undefined;
    output += `${left}${summary ? `\n${indent(right, 4)}` : ""}\n\n`;
  }
  return output.trim();
}

/** What `labctl --help` prints (the whole of stdout), or undefined when oclif must answer. */
export function rootHelp(model: RootHelpModel, run: HelpRun): string | undefined {
  const section = (header: string, body: string | undefined) =>
    body === undefined ? undefined : `${run.bold(header)}\n${indent(body, 2)}`;
  const blocks = [
    model.summary,
    section("VERSION", wrap(run.userAgent, run.width - 2)),
    section("USAGE", wrap(model.usage, run.width - 2)),
    ...model.sections.map(({ header, rows }) => section(header, renderList(rows, run.width))),
  ];
  if (blocks.includes(undefined)) return undefined;
  const [summary, version, usage, ...sections] = blocks as string[];
  // showRootHelp: the root (summary, VERSION, USAGE) then each section, each followed by a blank line.
  const root = [summary, version, usage].filter(Boolean).join("\n\n");
  return [root, ...sections].map((block) => `${block}\n\n`).join("");
}

/** The width oclif wraps its help to (@oclif/core's screen.js: stdtermwidth). */
export function helpWidth(
  env: NodeJS.ProcessEnv = process.env,
  stdout: { isTTY?: boolean; getWindowSize?: () => number[] } = process.stdout,
): number {
  const columns = Number.parseInt(env.OCLIF_COLUMNS ?? "", 10);
  if (columns) return columns;
  if (!stdout.isTTY || !stdout.getWindowSize) return 80;
  const width = stdout.getWindowSize()[0] ?? 0;
  return width < 1 ? 80 : Math.max(width, 40);
}
