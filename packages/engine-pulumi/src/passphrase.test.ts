import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensurePassphrase } from "./passphrase";

describe("ensurePassphrase", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "labctl-pass-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("generates a long passphrase in a 0600 file inside a 0700 directory", async () => {
    const file = join(dir, "home", "passphrase");
    const pass = await ensurePassphrase(file);
    expect(pass.length).toBeGreaterThanOrEqual(40);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, "home")).mode & 0o777).toBe(0o700);
    expect(readFileSync(file, "utf8").trim()).toBe(pass);
  });

  it("reuses the stored passphrase and tightens a loose mode", async () => {
    const file = join(dir, "passphrase");
    writeFileSync(file, "kept-passphrase\n", { mode: 0o644 });
    expect(await ensurePassphrase(file)).toBe("kept-passphrase");
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("gives concurrent callers the same passphrase", async () => {
    const file = join(dir, "passphrase");
    const all = await Promise.all([1, 2, 3, 4].map(() => ensurePassphrase(file)));
    expect(new Set(all).size).toBe(1);
    expect(readdirSync(dir)).toEqual(["passphrase"]);
  });

  it("refuses an empty file rather than using an empty passphrase", async () => {
    const file = join(dir, "passphrase");
    writeFileSync(file, "\n");
    await expect(ensurePassphrase(file)).rejects.toThrow(/empty/);
  });
});
