import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { RosterProblem, RosterRow, RosterRows } from "./roster-types";

const KEYS = new Set(["id", "name", "email"]);

/**
 * Rows of a YAML roster: a list of students, bare or under `students:`. Each is a mapping with
 * `name` (required), `id` and `email` (optional), or just a name as a string.
 */
export function yamlRosterRows(text: string): RosterRows {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineOf = (node: Node | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  const problems: RosterProblem[] = doc.errors.map((e) => ({
    line: e.linePos?.[0]?.line,
    message: `YAML syntax: ${e.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}`,
  }));
  if (problems.length > 0) return { rows: [], problems };
  let list: unknown = doc.contents;
  if (isMap(list)) list = list.get("students", true);
  if (list === null || list === undefined) return { rows: [], problems: [{ message: "the file is empty" }] };
  if (!isSeq(list)) {
    return {
      rows: [],
      problems: [
        { line: lineOf(list as Node), message: "expected a list of students (or `students:` with a list)" },
      ],
    };
  }
  const rows: RosterRow[] = [];
  for (const item of list.items) {
    const line = lineOf(item as Node) ?? 1;
    if (isScalar(item) && typeof item.value === "string") {
      rows.push({ line, name: item.value.trim() });
      continue;
    }
    if (!isMap(item)) {
      problems.push({ line, message: "a student must be a name or a mapping with name, id, email" });
      continue;
    }
    const fields: Record<string, string> = {};
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      const at = lineOf(pair.key as Node) ?? line;
      if (!KEYS.has(key)) problems.push({ line: at, message: `unknown key "${key}" (use name, id, email)` });
      else if (pair.value !== null && !isScalar(pair.value))
        problems.push({ line: at, message: `"${key}" must be a plain value` });
      else if (isScalar(pair.value) && pair.value.value !== null)
        fields[key] = String(pair.value.value).trim();
    }
    rows.push({
      line,
      id: fields.id || undefined,
      name: fields.name ?? "",
      email: fields.email || undefined,
    });
  }
  return { rows, problems };
}
