/** Images a Dockerfile builds FROM (stage names and `scratch` left out), in order of appearance. */
export function dockerfileBases(dockerfile: string): string[] {
  const stages = new Set<string>();
  const bases: string[] = [];
  for (const line of dockerfile.split("\n")) {
    const m = /^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (!m?.[1]) continue;
    const image = m[1];
    if (image !== "scratch" && !stages.has(image.toLowerCase()) && !bases.includes(image)) bases.push(image);
    if (m[2]) stages.add(m[2].toLowerCase());
  }
  return bases;
}
