const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe in HTML content and in quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);

/**
 * What proves a page labctl wrote is this student's: an attribute for the page's body. Checks
 * look for it, so it depends on nothing but the student id.
 */
export const studentMarker = (studentId: string): string => `data-labctl-student="${escapeHtml(studentId)}"`;
