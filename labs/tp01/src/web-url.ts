const WILDCARDS = new Set(["0.0.0.0", "::", ""]);

/** The URL a student opens: a wildcard bind address is reached as localhost. */
export function webUrl(bindAddress: string, port: number): string {
  const host = WILDCARDS.has(bindAddress) ? "localhost" : bindAddress;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}/`;
}
