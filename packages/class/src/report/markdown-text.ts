/** Text safe inside a Markdown table cell: pipes escaped, line breaks flattened, HTML neutralised. */
export const mdCell = (text: string): string =>
  text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/\r?\n/g, " ");
