import { escapeHtml, type Student, studentMarker } from "@labctl/sdk";
import { NGINX_ROOT } from "./topology";

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
