import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import type Dockerode from "dockerode";
import { followProgress } from "./image-tools";

export interface BuildRequest {
  context: string;
  /** Dockerfile path as the program gave it (relative to the working directory or the context). */
  dockerfile?: string;
  tag: string;
  args?: Record<string, string>;
  target?: string;
  platform?: string;
  labels: Record<string, string>;
}

/**
 * The Dockerfile path relative to the context, as the Engine API's legacy builder wants it.
 * Like the provider, a relative path is taken from the working directory first, then the context.
 */
export function dockerfileInContext(context: string, dockerfile = "Dockerfile"): string {
  const candidates = isAbsolute(dockerfile)
    ? [dockerfile]
    : [resolve(dockerfile), resolve(context, dockerfile)];
  const found = candidates.find((path) => existsSync(path)) ?? resolve(context, dockerfile);
  const inside = relative(resolve(context), found);
  if (inside.startsWith("..") || isAbsolute(inside)) {
    throw new Error(
      `Dockerfile ${dockerfile} is outside the build context ${context}; the docker engine needs it inside`,
    );
  }
  return inside;
}

/** Digest of every file in a build context: a changed file means a new build. */
export function contextDigest(context: string): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      hash.update(`${relative(context, path)}\0`);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) hash.update(readFileSync(path));
    }
  };
  walk(context);
  return hash.digest("hex");
}

/**
 * Builds with the Engine API's /build (the legacy builder: no BuildKit session needed). The
 * context is tarred by dockerode, which honours .dockerignore. Returns the new image id.
 */
export async function buildImage(
  docker: Dockerode,
  req: BuildRequest,
  signal?: AbortSignal,
): Promise<string> {
  const context = resolve(req.context);
  const stream = await docker.buildImage({ context, src: readdirSync(context) }, {
    t: req.tag,
    dockerfile: dockerfileInContext(context, req.dockerfile),
    buildargs: req.args,
    target: req.target,
    platform: req.platform,
    labels: req.labels,
    rm: true,
    abortSignal: signal,
  } as Dockerode.ImageBuildOptions);
  const events = await followProgress(docker, stream).catch((error: Error) => {
    throw new Error(`building ${req.tag} failed: ${error.message}`);
  });
  // A multi-stage build reports one image id per stage: the last one is the image tagged.
  const built = events
    .map((event) => (event.aux as { ID?: string } | undefined)?.ID)
    .filter(Boolean)
    .at(-1);
  return built ?? (await docker.getImage(req.tag).inspect()).Id;
}
