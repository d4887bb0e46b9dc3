import { ExitCode, NewLabError } from "./new-lab-error.ts";

/** The files outside labs/<id> that list every lab, relative to the repository root. */
export const WIRED_FILES = {
  catalog: "packages/cli/src/catalog.ts",
  cliPackage: "packages/cli/package.json",
  nightly: ".github/workflows/nightly.yml",
  readme: "README.md",
} as const;

const notFound = (file: string, expected: string) =>
  new NewLabError(
    `Cannot find where to add the lab in ${file}: no ${expected}.`,
    `Add the lab there by hand, as the other labs are, or restore the file's shape.`,
    ExitCode.infrastructure,
  );

/**
 * Inserts `line` among the lines `pattern` matches (its first group is a lab id), in id order,
 * so a sorted list stays sorted.
 */
function insertSorted(
  text: string,
  pattern: RegExp,
  id: string,
  line: (sample: string) => string,
): string | undefined {
  const lines = text.split("\n");
  const matches = lines.flatMap((l, index) => {
    const found = pattern.exec(l);
    return found?.[1] ? [{ index, id: found[1] }] : [];
  });
  const first = matches[0];
  if (!first) return undefined;
  const before = matches.filter((m) => m.id < id).pop();
  const at = before ? before.index + 1 : first.index;
  lines.splice(at, 0, line(lines[before?.index ?? first.index] ?? ""));
  return lines.join("\n");
}

/** catalog.ts: `import tpNN from "@labctl/lab-tpNN";` and `tpNN as Lab,` in the LABS array. */
export function addToCatalog(text: string, id: string): string {
  const imported = insertSorted(text, /^import (tp\d{2}) from "@labctl\/lab-tp\d{2}";$/, id, () => {
    return `import ${id} from "@labctl/lab-${id}";`;
  });
  if (!imported) throw notFound(WIRED_FILES.catalog, 'line like `import tp01 from "@labctl/lab-tp01";`');
  const listed = insertSorted(imported, /^\s*(tp\d{2}) as Lab,$/, id, (sample) => {
    return `${/^\s*/.exec(sample)?.[0] ?? ""}${id} as Lab,`;
  });
  if (!listed) throw notFound(WIRED_FILES.catalog, "line like `  tp01 as Lab,`");
  return listed;
}

/** The CLI's package.json: `"@labctl/lab-<id>": "*"` among its dependencies, sorted as npm keeps them. */
export function addCliDependency(text: string, id: string): string {
  const pkg = JSON.parse(text) as { dependencies?: Record<string, string> };
  if (!pkg.dependencies) throw notFound(WIRED_FILES.cliPackage, '"dependencies"');
  const entries: [string, string][] = [...Object.entries(pkg.dependencies), [`@labctl/lab-${id}`, "*"]];
  pkg.dependencies = Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b, "en")));
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** nightly.yml: the id in the job matrix's `lab: [tp01, …]` line. */
export function addToNightly(text: string, id: string): string {
  const line = /^(\s*lab:\s*\[)([^\]\n]*)\]/m;
  const found = line.exec(text);
  if (!found) throw notFound(WIRED_FILES.nightly, "matrix line like `lab: [tp01, tp02]`");
  const labs = [...new Set([...(found[2] ?? "").split(","), id].map((l) => l.trim()).filter(Boolean))].sort();
  return text.replace(line, `${found[1]}${labs.join(", ")}]`);
}

/** README.md: a row of the lab table (the first table of `| tpNN |` rows), padded to its columns. */
export function addToReadme(text: string, id: string, title: string): string {
  const lines = text.split("\n");
  const isRow = (line = "") => /^\| tp\d{2} +\|/.test(line);
  const first = lines.findIndex((line) => isRow(line));
  const widths = lines[first - 1]?.match(/-+/g)?.map((dashes) => dashes.length);
  if (first < 1 || !widths) throw notFound(WIRED_FILES.readme, "lab table with a row like `| tp01 | … |`");
  let rows = 0;
  while (isRow(lines[first + rows])) rows++;
  const before = lines.slice(first, first + rows).filter((line) => line.slice(2, 6) < id).length;
  const handout = `labs/${id}/README.md`;
  const cells = [id, title.replaceAll("|", "\\|"), `[${handout}](${handout})`];
  lines.splice(first + before, 0, `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`);
  return lines.join("\n");
}
