import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { escapeHtml, type Student, studentMarker } from "@labctl/sdk";

export function webPage(student: Student, webRoot: string): string {
  const name = escapeHtml(student.name);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>tp02: ${name}</title>
</head>
<body ${studentMarker(student.id)}>
<h1>Served from your machine, ${name}</h1>
<p>This file lives on the host in <code>${escapeHtml(webRoot)}</code>, bind-mounted read-only into
the nginx container. Add a file next to it (say <code>hello.html</code>) and open it: nginx serves
it at once, no container is rebuilt.</p>
</body>
</html>
`;
}

/**
 * Creates `<dataDir>/www` with an index.html, once: a student's edits survive another `up`.
 * Modes are set explicitly: nginx's workers (not root) must read them whatever the umask.
 */
export function prepareWebRoot(dataDir: string, student: Student): string {
  const webRoot = join(dataDir, "www");
  mkdirSync(webRoot, { recursive: true });
  chmodSync(webRoot, 0o755);
  const index = join(webRoot, "index.html");
  if (!existsSync(index)) writeFileSync(index, webPage(student, webRoot), { mode: 0o644 });
  return webRoot;
}
