import { pack } from "tar-stream";

export interface TarFile {
  /** Path inside the archive; a leading "/" is dropped (the archive is extracted at "/"). */
  path: string;
  content: Buffer;
  mode: number;
}

/** A tar archive of regular files, what Docker's putArchive expects (uploads into containers). */
export function tarArchive(files: TarFile[]): Buffer {
  const archive = pack();
  for (const file of files) {
    const name = file.path.replace(/^\/+/, "");
    if (!fitsUstar(name)) throw new Error(`upload path too long for tar: ${file.path}`);
    archive.entry({ name, mode: file.mode & 0o7777, uid: 0, gid: 0 }, file.content);
  }
  archive.finalize();
  // tar-stream pushes a Buffer entry and the end blocks at once: the whole archive is buffered now.
  const chunks: Buffer[] = [];
  for (let chunk = archive.read(); chunk !== null; chunk = archive.read()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * A ustar header holds a 100-byte name after a 155-byte prefix. tar-stream would write a PAX header
 * for a longer path; uploads keep to what a plain ustar header holds, as they always have.
 */
function fitsUstar(path: string): boolean {
  if (Buffer.byteLength(path) <= 100) return true;
  const cut = path.lastIndexOf("/", 155);
  return cut > 0 && Buffer.byteLength(path.slice(cut + 1)) <= 100;
}
