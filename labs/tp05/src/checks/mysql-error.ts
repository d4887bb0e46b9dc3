/** The SQL client's ERROR line (e.g. "ERROR 1045 (28000): Access denied ..."), else its last words. */
export function mysqlError(stderr: string, exitCode: number): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    lines.find((l) => l.startsWith("ERROR")) ?? lines.at(-1) ?? `the client exited with code ${exitCode}`
  );
}
