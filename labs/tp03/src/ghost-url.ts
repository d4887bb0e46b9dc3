const WILDCARDS = new Set(["0.0.0.0", "::", ""]);

/**
 * The URL Ghost is told it lives at. It must match how the student reaches it, or Ghost
 * redirects every request there. A wildcard bind address is reached as localhost.
 */
export function ghostUrl(bindAddress: string, port: number): string {
  const host = WILDCARDS.has(bindAddress) ? "localhost" : bindAddress;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}
