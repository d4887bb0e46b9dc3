const BLOCK = 512;

/**
 * A one-file POSIX tar archive with fixed metadata (root-owned, 0644, mtime 0), so the same
 * content always gives the same bytes, hence the same digest. For ASCII names and content the
 * archive is pure ASCII too, and travels unchanged as a JavaScript string.
 */
export function ustarOneFile(name: string, content: string): string {
  if (!/^[\x20-\x7e]{1,99}$/.test(name))
    throw new Error(`tar entry name must be short printable ASCII: ${name}`);
  if (!/^\p{ASCII}*$/u.test(content)) throw new Error("tar entry content must be ASCII");
  const field = (value: string, length: number) => value.padEnd(length, "\0").slice(0, length);
  const octal = (value: number, length: number) => `${value.toString(8).padStart(length - 1, "0")}\0`;
  const before = field(name, 100) + octal(0o644, 8) + octal(0, 8) + octal(0, 8);
  const sizes = octal(content.length, 12) + octal(0, 12);
  const after = `0${field("", 100)}${field("ustar", 6)}00${field("", BLOCK - 265)}`;
  // The checksum is computed with its own field filled with spaces.
  const sum = [...(before + sizes + " ".repeat(8) + after)].reduce((n, c) => n + c.charCodeAt(0), 0);
  const header = `${before}${sizes}${sum.toString(8).padStart(6, "0")}\0 ${after}`;
  const padding = "\0".repeat((BLOCK - (content.length % BLOCK)) % BLOCK);
  return header + content + padding + "\0".repeat(2 * BLOCK);
}
