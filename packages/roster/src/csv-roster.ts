import { type CsvError, type Info, parse } from "csv-parse/sync";
import { type ColumnMap, mapColumns, missingColumns, namesStudents } from "./roster-columns";
import type { RosterProblem, RosterRows } from "./roster-types";

/** Spreadsheets and LMS exports use commas, semicolons (French locales) or tabs. */
const DELIMITERS = [",", ";", "\t"];

type Parsed = { record: string[]; info: Info };

function parseWith(text: string, delimiter: string, problems?: RosterProblem[], toLine?: number): Parsed[] {
  return parse(text, {
    delimiter,
    bom: true,
    info: true,
    trim: true,
    to_line: toLine,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    relax_column_count: true,
    skip_records_with_error: problems !== undefined,
    on_skip: (error: CsvError | undefined) => {
      // csv-parse may report one bad record more than once
      const problem = error && { line: Number(error.lines), message: csvMessage(error) };
      if (problem && !problems?.some((p) => p.line === problem.line && p.message === problem.message))
        problems?.push(problem);
    },
  }) as unknown as Parsed[];
}

/** csv-parse's message without its own "at line N" (the problem carries the line). */
const csvMessage = (error: CsvError) =>
  `CSV syntax: ${error.message.replace(/\s*(at|on) line \d+.*$/, "").replace(/:.*$/, "")}`;

/** The delimiter whose header names students; a comma when none does. */
function sniffDelimiter(text: string): string {
  for (const delimiter of DELIMITERS) {
    try {
      const [header] = parseWith(text, delimiter, undefined, 1);
      if (header && namesStudents(mapColumns(header.record))) return delimiter;
    } catch {
      // not this one
    }
  }
  return ",";
}

/** First line of a record (info.lines is where it ends; quoted cells may span lines). */
const startLine = ({ record, info }: Parsed) => info.lines - (record.join("").match(/\n/g)?.length ?? 0);

/** Rows of a CSV roster (generic or LMS export), with every problem found on the way. */
export function csvRosterRows(text: string): RosterRows {
  const problems: RosterProblem[] = [];
  const records = parseWith(text, sniffDelimiter(text), problems);
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [...problems, { message: "the file is empty" }] };
  const columns = mapColumns(header.record);
  const missing = missingColumns(columns, header.record, startLine(header));
  if (missing.length > 0) return { rows: [], problems: [...problems, ...missing] };
  const rows = body.map((parsed) => rowOf(parsed, columns));
  return { rows, problems };
}

function rowOf(parsed: Parsed, columns: ColumnMap) {
  const cell = (index: number | undefined) => (index === undefined ? "" : (parsed.record[index] ?? ""));
  const name =
    columns.name !== undefined
      ? cell(columns.name)
      : `${cell(columns.first)} ${cell(columns.last)}`.replace(/\s+/g, " ").trim();
  return {
    line: startLine(parsed),
    id: cell(columns.id) || undefined,
    name,
    email: cell(columns.email) || undefined,
  };
}
