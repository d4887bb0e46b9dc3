import { randomBytes } from "node:crypto";
import { chmod, link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * The Pulumi secrets passphrase: generated once (256 bits), kept in `file` with mode 0600 in a
 * 0700 directory, and reused so every stack's secrets stay readable. Never printed.
 */
export async function ensurePassphrase(file: string): Promise<string> {
  const existing = await readPassphrase(file);
  if (existing !== undefined) return existing;
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  // Written aside then hard-linked into place: the file appears complete or not at all, and
  // when two labctl runs race, the second one (EEXIST) reads the first one's passphrase.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(draft, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  try {
    await link(draft, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  } finally {
    await unlink(draft);
  }
  const created = await readPassphrase(file);
  if (created === undefined) throw new Error(`passphrase file ${file} is empty`);
  return created;
}

async function readPassphrase(file: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
  // A copy restored from a backup may have lost its mode: tighten it again.
  await chmod(file, 0o600);
  const value = text.trim();
  return value.length > 0 ? value : undefined;
}
