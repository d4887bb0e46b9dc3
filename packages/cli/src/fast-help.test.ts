import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastAnswers } from "./fast-answer";
import { helpWidth, rootHelp, wrap } from "./fast-help";

// The fast root help must be oclif's, byte for byte, at every width it answers for (else oclif
// answers): rendered by oclif's own Help class over the built manifest, as `labctl --help` does
// (in a child: oclif's Config does not load under jest), and by fast-help.ts from
// dist/fast-answers.json (`npm run build`).
const root = join(__dirname, "..");
const answers = JSON.parse(readFileSync(join(root, "dist", "fast-answers.json"), "utf8")) as FastAnswers;
/** The wrap-ansi oclif's help wraps with. */
const wrapAnsi = createRequire(require.resolve("@oclif/core"))("wrap-ansi") as (
  text: string,
  columns: number,
  options: { hard: boolean },
) => string;
const WIDTHS = Array.from({ length: 211 }, (_, i) => i + 10);

/** oclif's userAgent and its root help at each width (its Help.log is console.log of its arguments). */
function oclifHelp(widths: number[]): { userAgent: string; help: Record<number, string> } {
  const script = `
    const { Config } = require("@oclif/core/config");
    const { Help } = require("@oclif/core/help");
    const { format } = require("node:util");
    (async () => {
      const config = await Config.load(process.argv[1]);
      const help = {};
      for (const width of JSON.parse(process.argv[2])) {
        const h = new Help(config, { maxWidth: width });
        let text = "";
        h.log = (...args) => { text += format(...args) + "\\n"; };
        await h.showHelp([]);
        help[width] = text;
      }
      process.stdout.write(JSON.stringify({ userAgent: config.userAgent, help }));
    })();`;
  const { OCLIF_COLUMNS, FORCE_COLOR, ...env } = process.env;
  const scratch = mkdtempSync(join(tmpdir(), "labctl-help-")); // no theme, no user plugin
  const run = spawnSync(process.execPath, ["-e", script, root, JSON.stringify(widths)], {
    encoding: "utf8",
    env: { ...env, LABCTL_CONFIG_DIR: scratch, LABCTL_DATA_DIR: scratch },
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout);
}

describe("the fast root help", () => {
  it("is oclif's at every width from 10 to 220 columns, and answers from 40 on", () => {
    const oclif = oclifHelp(WIDTHS);
    const answered: number[] = [];
    for (const width of WIDTHS) {
      const fast = rootHelp(answers.help, { width, userAgent: oclif.userAgent, bold: (t) => t });
      if (fast === undefined) continue; // oclif answers that one
      expect({ width, help: fast }).toEqual({ width, help: oclif.help[width] });
      answered.push(width);
    }
    expect(answered).toEqual(expect.arrayContaining([40, 41, 60, 80, 120, 220]));
    expect(answered.filter((w) => w >= 40)).toHaveLength(181);
  });

  it("bolds the section headers only, as oclif's colorize does", () => {
    const fast = rootHelp(answers.help, { width: 80, userAgent: "ua", bold: (t) => `<${t}>` }) as string;
    expect(fast.match(/<[A-Z]+>/g)).toEqual(["<VERSION>", "<USAGE>", "<TOPICS>", "<COMMANDS>"]);
  });

  it("leaves a version line it cannot wrap as oclif would to oclif", () => {
    const run = { width: 40, userAgent: `@labctl/cli/0.1.0 ${"x".repeat(60)}`, bold: (t: string) => t };
    expect(rootHelp(answers.help, run)).toBeUndefined();
  });
});

describe("wrap (wrap-ansi's hard wrap, printable ASCII)", () => {
  const texts = [
    "Remove Docker objects left by labctl environments this machine no longer knows (found by label).",
    "  leading and  double  spaces, trailing   ",
    "two\nlines, the second one longer than the first",
    "",
    "   ",
    "exactly ten",
  ];
  it.each(texts)("equals wrap-ansi at every width that needs no cut word: %j", (text) => {
    for (let columns = 1; columns <= 100; columns++) {
      const fast = wrap(text, columns);
      const longest = Math.max(...text.split(/[ \n]/).map((w) => w.length));
      if (columns >= longest)
        expect({ columns, fast }).toEqual({ columns, fast: wrapAnsi(text, columns, { hard: true }) });
      else expect(fast).toBeUndefined();
    }
  });

  it("declines text with other characters (tabs, colours, accents)", () => {
    for (const text of ["a\tb", "\u001b[1mx\u001b[22m", "Réseaux"]) expect(wrap(text, 80)).toBeUndefined();
  });
});

describe("helpWidth (oclif's screen.js)", () => {
  const tty = (columns: number) => ({ isTTY: true, getWindowSize: () => [columns, 24] });
  it("OCLIF_COLUMNS first, whatever the terminal", () => {
    expect(helpWidth({ OCLIF_COLUMNS: "100" }, tty(50))).toBe(100);
    expect(helpWidth({ OCLIF_COLUMNS: "0" }, tty(50))).toBe(50);
    expect(helpWidth({ OCLIF_COLUMNS: "wide" }, {})).toBe(80);
  });
  it("80 without a terminal; the terminal's width with one, at least 40, 80 when it says 0", () => {
    expect(helpWidth({}, { isTTY: false })).toBe(80);
    expect(helpWidth({}, tty(150))).toBe(150);
    expect(helpWidth({}, tty(30))).toBe(40);
    expect(helpWidth({}, tty(0))).toBe(80);
  });
});
