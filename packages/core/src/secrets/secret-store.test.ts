import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureSecrets, generateSecret, readSecrets, redactSecrets } from "./secret-store";

describe("generateSecret", () => {
  it("is long, URL-safe and different each time", () => {
    const a = generateSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generateSecret()).not.toBe(a);
  });
});

describe("ensureSecrets", () => {
  it("generates once, keeps the file 0600 and reuses values", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "labctl-secrets-")), "env");
    const first = ensureSecrets(dir, ["db", "root"]);
    expect(first.db).not.toBe(first.root);
    expect(statSync(join(dir, "secrets.json")).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(ensureSecrets(dir, ["db", "root"])).toEqual(first);
    const more = ensureSecrets(dir, ["db", "extra"]);
    expect(more.db).toBe(first.db);
    expect(more.extra).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});

describe("a corrupt secrets file", () => {
  it.each([
    ["garbage", "{oops"],
    ["the wrong shape", '{"db": 42}'],
  ])("holding %s is refused with STATE_CORRUPT and never replaced by new passwords", (_, content) => {
    const dir = mkdtempSync(join(tmpdir(), "labctl-secrets-"));
    const file = join(dir, "secrets.json");
    writeFileSync(file, content);
    const corrupt = expect.objectContaining({
      code: "STATE_CORRUPT",
      exitCode: 65,
      message: expect.stringContaining(file),
    });
    expect(() => readSecrets(dir, ["db"])).toThrow(corrupt);
    expect(() => ensureSecrets(dir, ["db"])).toThrow(corrupt);
    expect(readFileSync(file, "utf8")).toBe(content);
  });
});

describe("redactSecrets", () => {
  it("hides secret values wherever they appear", () => {
    const out = redactSecrets({ url: "mysql://u:s3cr3t@db", list: ["s3cr3t"], n: 1 }, ["s3cr3t"]);
    expect(out).toEqual({ url: "mysql://u:[secret]@db", list: ["[secret]"], n: 1 });
  });
});
