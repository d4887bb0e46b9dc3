const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe in HTML content and in quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);

/** An href only for http(s) URLs; anything else (javascript:, data:) is not a link. */
export const safeHref = (url: string): string | undefined =>
  /^https?:\/\//i.test(url) ? escapeHtml(url) : undefined;
