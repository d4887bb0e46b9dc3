/**
 * Whether a USER value (image config, Dockerfile or container) means root: unset, `root` or
 * uid 0, with or without a group. A named user mapped to uid 0 is caught by the process check.
 */
export function isRootUser(user: string): boolean {
  const name = user.trim().split(":")[0] ?? "";
  return name === "" || name === "root" || name === "0";
}
