import { runLogged } from "./run-logged";

/** `docker build` with the legacy builder (the engine here is 20.10 without buildx). */
export async function dockerBuild(
  dir: string,
  tags: readonly string[],
  labels: Record<string, string>,
  logFile: string,
): Promise<void> {
  const args = ["build", "--force-rm"];
  for (const [k, v] of Object.entries(labels)) args.push("--label", `${k}=${v}`);
  for (const tag of tags) args.push("-t", tag);
  args.push(dir);
  await runLogged("docker", args, { logFile, env: { ...process.env, DOCKER_BUILDKIT: "0" } });
}
