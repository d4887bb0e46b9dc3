import type { Student } from "@labctl/sdk";
import { NGINX_ROOT } from "./topology";

/**
 * What proves the page is this student's: an attribute on the page's body. The checks look
 * for it, so it must not depend on anything but the student id.
 */
export function studentMarker(studentId: string): string {
  return `data-labctl-student="${studentId}"`;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** The page nginx serves for one student (the display name comes from a roster: escaped). */
export function studentPage(lab: string, student: Student, container: string): string {
  const name = escapeHtml(student.name);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${lab}: ${name}</title>
</head>
<body ${studentMarker(student.id)}>
<h1>Hello, ${name}!</h1>
<p>This page is served by nginx from your container <code>${container}</code>.
labctl copied it to <code>${NGINX_ROOT}/index.html</code> inside the container before starting it.</p>
<p>Student id: <strong>${student.id}</strong></p>
</body>
</html>
`;
}
