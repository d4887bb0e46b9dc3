/**
 * A one-file POSIX tar archive with fixed metadata (root-owned, 0644, mtime 0), so the same
 * content always gives the same bytes, hence the same digest. For ASCII names and content the
 * archive is pure ASCII too, and travels unchanged as a JavaScript string.
 */
export function ustarOneFile(name: string, content: string): string {
  if (!/^[\x20-\x7e]{1,99}$/.test(name))
    throw new Error(`tar entry name must be short printable ASCII: ${name}`);
  if (!/^\p{ASCII}*$/u.test(content)) throw new Error("tar entry content must be ASCII");
  // Required here, not at the top: `labctl labs` imports every lab and must not load tar-stream.
  const { pack } = require("tar-stream") as typeof import("tar-stream");
  const archive = pack();
  archive.entry({ name, mode: 0o644, uid: 0, gid: 0, mtime: new Date(0) }, Buffer.from(content, "ascii"));
  archive.finalize();
  // tar-stream pushes a Buffer entry and the end blocks at once: the whole archive is buffered now.
  let tar = "";
  for (let chunk = archive.read(); chunk !== null; chunk = archive.read()) tar += chunk.toString("latin1");
  return tar;
}
