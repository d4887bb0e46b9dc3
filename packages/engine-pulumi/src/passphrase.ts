import { randomBytes } from "node:crypto";
import { chmod, link, mkdir, open, readFile, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { ExitCode, LabctlError } from "@labctl/sdk";

/**
 * The Pulumi secrets passphrase: generated once (256 bits), kept in `file` with mode 0600 in a
 * 0700 directory, and reused so every stack's secrets stay readable. Never printed.
 */
export async function ensurePassphrase(file: string): Promise<string> {
  const existing = await readPassphrase(file);
  if (existing !== undefined) return existing;
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  // Written aside (0600 from the start, fsynced) then hard-linked into place: the file appears
  // complete or not at all, and when two labctl runs race, the second one (EEXIST) reads the
  // first one's passphrase instead of replacing it (a rename would: stacks would be lost).
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  const handle = await open(draft, "wx", 0o600);
  try {
    await handle.writeFile(`${randomBytes(32).toString("base64url")}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(draft, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  } finally {
    await unlink(draft);
  }
  const created = await readPassphrase(file);
  if (created === undefined) throw emptyPassphrase(file);
  return created;
}

async function readPassphrase(file: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new LabctlError(
      `The Pulumi passphrase file ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
      "Give your user read access to it (mode 0600); without it the stacks' secrets cannot be decrypted.",
      ExitCode.badInput,
      "STATE_CORRUPT",
    );
  }
  // A copy restored from a backup may have lost its mode: tighten it again.
  await chmod(file, 0o600);
  const value = text.trim();
  if (value.length === 0) throw emptyPassphrase(file);
  return value;
}

const emptyPassphrase = (file: string) =>
  new LabctlError(
    `The Pulumi passphrase file ${file} is empty.`,
    "Restore it from a backup: the stacks' secrets were encrypted with it. Only if no stack exists yet, delete it and labctl generates a new one.",
    ExitCode.badInput,
    "STATE_CORRUPT",
  );
