const WILDCARDS = new Set(["0.0.0.0", "::", ""]);

/**
 * The URL a student opens for a port published on `bindAddress`: a wildcard address is reached
 * as localhost, IPv6 gets brackets. Apps that must know their public URL (Ghost's `url`) use it
 * too, so the two always match.
 */
export function publishedUrl(bindAddress: string, port: number, path = ""): string {
  const host = WILDCARDS.has(bindAddress) ? "localhost" : bindAddress;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}${path}`;
}
