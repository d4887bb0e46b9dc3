import { escapeHtml } from "@labctl/sdk";

export { escapeHtml };

/** An href only for http(s) URLs; anything else (javascript:, data:) is not a link. */
export const safeHref = (url: string): string | undefined =>
  /^https?:\/\//i.test(url) ? escapeHtml(url) : undefined;
