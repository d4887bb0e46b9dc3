import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseRoster, readRoster } from "./read-roster";
import type { RosterError } from "./roster-error";

const csv = (text: string, known?: Record<string, string>) =>
  parseRoster(Buffer.from(text, "utf8"), { source: "class.csv", format: "csv", known });
const yaml = (text: string) =>
  parseRoster(Buffer.from(text, "utf8"), { source: "class.yaml", format: "yaml" });

/** The roster's error, for assertions on its single message. */
function problemsOf(work: () => unknown): RosterError {
  try {
    work();
  } catch (e) {
    return e as RosterError;
  }
  throw new Error("expected a RosterError");
}

describe("CSV rosters", () => {
  it("reads the generic shape, slugging names and keeping given ids", () => {
    const roster = csv("id,name,email\n,Élodie Müller,elodie@example.org\nBob-42,Bob Smith,\n");
    expect(roster.students).toEqual([
      { id: "elodie-muller", name: "Élodie Müller", email: "elodie@example.org" },
      { id: "bob-42", name: "Bob Smith" },
    ]);
  });

  it("reads an LMS export (semicolons, extra columns, UTF-8 BOM)", () => {
    const text =
      "\uFEFFFirst name;Last name;ID number;Email address\nZoé;Dupont;123;zoe@u.fr\nJean;O'Brien;;jean@u.fr\n";
    expect(csv(text).students).toEqual([
      { id: "zoe-dupont", name: "Zoé Dupont", email: "zoe@u.fr" },
      { id: "jean-o-brien", name: "Jean O'Brien", email: "jean@u.fr" },
    ]);
  });

  it("reads French LMS headers, tabs, and UTF-16 with a BOM (Excel's Unicode text)", () => {
    const text = "Prénom\tNom\tAdresse de courriel\nAnaïs\tLefèvre\tanais@u.fr\n";
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const roster = parseRoster(utf16, { source: "x.txt", format: "csv" });
    expect(roster.students).toEqual([{ id: "anais-lefevre", name: "Anaïs Lefèvre", email: "anais@u.fr" }]);
  });

  it("suffixes colliding names in file order, never taking a given id", () => {
    const roster = csv("id,name\n,Anne Marie\n,Anne-Marie\nanne-marie-2,Someone Else\n");
    expect(roster.students.map((s) => s.id)).toEqual(["anne-marie", "anne-marie-3", "anne-marie-2"]);
  });

  it("keeps known ids stable when the roster is re-sorted or grows", () => {
    const first = csv("name,email\nAnne Marie,a1@x.org\nAnne Marie,a2@x.org\n");
    expect(first.students.map((s) => s.id)).toEqual(["anne-marie", "anne-marie-2"]);
    const known = Object.fromEntries(first.students.map((s) => [`email:${s.email}`, s.id]));
    const later = csv("name,email\nAnne Marie,a0@x.org\nAnne Marie,a2@x.org\nAnne Marie,A1@x.org\n", known);
    expect(later.students.map((s) => s.id)).toEqual(["anne-marie-3", "anne-marie-2", "anne-marie"]);
  });

  it("names without Latin letters get an id from the email's local part; no usable email, student-N", () => {
    const roster = csv(
      "name,email\n李 小龙,li.xiaolong+cs@uni.cn\nМария Иванова,m.ivanova@uni.ru\nمحمد,mohammed@uni.eg\n王芳,\n陈静,陈静@例子.中国\nمحمد,mohammed@other.eg\n",
    );
    expect(roster.students.map((s) => s.id)).toEqual([
      "li-xiaolong",
      "m-ivanova",
      "mohammed",
      "student",
      "student-2",
      "mohammed-2",
    ]);
  });

  it("keeps an id given before when a name without Latin letters moves in the roster", () => {
    const known = { "email:mohammed@uni.eg": "student-7" };
    const roster = csv("name,email\nمحمد,new@uni.eg\nمحمد,mohammed@uni.eg\n", known);
    expect(roster.students.map((s) => s.id)).toEqual(["new", "student-7"]);
  });

  it("cuts long names to a DNS-safe slug", () => {
    const [student] = csv("name\nMaximilian Alexander Konstantin von Habsburg-Lothringen\n").students;
    expect(student?.id).toBe("maximilian-alexander");
  });

  it("skips blank lines and rows of empty cells", () => {
    expect(csv("name,email\n\nAda,ada@x.org\n,\n").students).toHaveLength(1);
  });
});

describe("bad CSV rosters: one message, every problem with its line, exit 65", () => {
  it("lists duplicate ids, duplicate emails, bad emails, bad ids and missing names together", () => {
    const error = problemsOf(() =>
      csv(
        [
          "id,name,email",
          "alice,Alice,alice@x.org",
          "Alice,Alice Bis,bob@x.org",
          ",Bob,BOB@x.org",
          ",Carol,not-an-email",
          "???,Dan,dan@x.org",
          `${"e".repeat(31)},Eve,eve@x.org`,
          "frank,,frank@x.org",
        ].join("\n"),
      ),
    );
    expect(error.exitCode).toBe(65);
    expect(error.code).toBe("BAD_ROSTER");
    expect(error.message).toContain("Roster class.csv has 6 problems:");
    expect(error.message).toContain("line 3: duplicate id alice (also on line 2)");
    expect(error.message).toContain("line 4: duplicate email BOB@x.org (also on line 3)");
    expect(error.message).toContain('line 5: "not-an-email" is not an email address');
    expect(error.message).toContain('line 6: id "???" has no letter or digit');
    expect(error.message).toContain(
      'line 7: id "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeee" is longer than 30 characters',
    );
    expect(error.message).toContain("line 8: no name");
    expect(error.advice).toMatch(/nothing was provisioned/);
  });

  it("names missing LMS columns", () => {
    const error = problemsOf(() => csv("First name,Last name\nAda,Lovelace\n"));
    expect(error.problems).toEqual([
      { line: 1, message: expect.stringContaining('missing column "Email address"') },
    ]);
  });

  it("names the missing name column and what it found", () => {
    const error = problemsOf(() => csv("id,email\na,a@x.org\n"));
    expect(error.message).toMatch(/line 1: missing column "name".*found "id", "email"/);
  });

  it("refuses an empty file and a header without students", () => {
    expect(problemsOf(() => csv("")).message).toContain("the file is empty");
    expect(problemsOf(() => csv("name,email\n")).message).toContain("no students");
  });

  it("reports CSV syntax errors by line and still lists the other problems", () => {
    const error = problemsOf(() => csv('name,email\nAda,ada@x.org\nBob "the",bob@x.org\nAda,ada@x.org\n'));
    expect(error.problems).toEqual([
      { line: 3, message: expect.stringMatching(/^CSV syntax: Invalid Opening Quote/) },
      { line: 4, message: "duplicate email ada@x.org (also on line 2)" },
    ]);
  });

  it("reports lines that are not UTF-8 (a Latin-1 export) with the other problems", () => {
    const latin1 = Buffer.from("name,email\nAda,ada@x.org\nZo\xe9,zoe@x.org\nAda,ada@x.org\n", "latin1");
    const error = problemsOf(() => parseRoster(latin1, { source: "l.csv", format: "csv" }));
    expect(error.problems).toEqual([
      { line: 3, message: expect.stringContaining("not valid UTF-8") },
      { line: 4, message: "duplicate email ada@x.org (also on line 2)" },
    ]);
  });
});

describe("YAML rosters", () => {
  it("reads a list under students:, names as strings, and given ids", () => {
    const roster = yaml(
      "students:\n  - name: Ada Lovelace\n    email: ada@x.org\n  - Grace Hopper\n  - { id: Linus, name: L T }\n",
    );
    expect(roster.students).toEqual([
      { id: "ada-lovelace", name: "Ada Lovelace", email: "ada@x.org" },
      { id: "grace-hopper", name: "Grace Hopper" },
      { id: "linus", name: "L T" },
    ]);
  });

  it("lists unknown keys, nested values, missing names and duplicates with their lines", () => {
    const error = problemsOf(() =>
      yaml(
        "- name: Ada\n  mail: ada@x.org\n- email: b@x.org\n- name: [x]\n- { name: Ada, id: ada }\n- { name: Bo, id: ada }\n",
      ),
    );
    expect(error.problems).toEqual(
      expect.arrayContaining([
        { line: 2, message: 'unknown key "mail" (use name, id, email)' },
        { line: 3, message: "no name" },
        { line: 4, message: '"name" must be a plain value' },
        { line: 6, message: "duplicate id ada (also on line 5)" },
      ]),
    );
  });

  it("reports syntax errors and wrong shapes", () => {
    expect(problemsOf(() => yaml("students: [a, b\n")).message).toMatch(/line \d+: YAML syntax/);
    expect(problemsOf(() => yaml("students: 3\n")).message).toContain("expected a list of students");
    expect(problemsOf(() => yaml("")).message).toContain("the file is empty");
  });
});

describe("readRoster", () => {
  it("picks the format from the extension and exits 66 on a missing file", () => {
    const dir = mkdtempSync(join(tmpdir(), "labctl-roster-"));
    writeFileSync(join(dir, "c.yml"), "- Ada\n");
    expect(readRoster(join(dir, "c.yml")).students).toEqual([{ id: "ada", name: "Ada" }]);
    expect(() => readRoster(join(dir, "nope.csv"))).toThrow(expect.objectContaining({ exitCode: 66 }));
  });
});
