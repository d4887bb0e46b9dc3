import { readFile } from "node:fs/promises";
import * as path from "node:path";
import Docker from "dockerode";
import { buildDebianBase, HOST_CA_DIR } from "./build-debian-base";
import { hostDebianMirrors } from "./debian-mirrors";
import { dockerBuild } from "./docker-build";
import { dockerfileBases } from "./dockerfile-bases";
import { hashRecipe } from "./recipe-hash";
import { runLogged } from "./run-logged";
import { RECIPE_HASH_LABEL, recipeDir, STANDIN_LABEL, type StandinRecipe } from "./standin-catalog";

export interface ImageInfo {
  id: string;
  labels: Record<string, string>;
  size: number;
}

/** What ensureStandinImages needs from the outside world (tests pass fakes). */
export interface StandinBuilder {
  inspect(ref: string): Promise<ImageInfo | undefined>;
  /** Images the recipe builds FROM. */
  bases(recipe: StandinRecipe): Promise<string[]>;
  /** Digest of the recipe folder plus `extras` plus whatever host facts the build bakes in. */
  hash(recipe: StandinRecipe, extras: readonly string[]): Promise<string>;
  build(
    recipe: StandinRecipe,
    tags: readonly string[],
    labels: Record<string, string>,
    logFile: string,
  ): Promise<void>;
  tag(source: string, target: string, logFile: string): Promise<void>;
  /**
   * Best effort: remove this recipe's images from other recipe versions (older builds and, with
   * multi-stage recipes, their build stages), except those a container still uses.
   */
  discardStale(recipe: StandinRecipe, currentHash: string): Promise<void>;
}

/** The real builder: docker CLI for builds, the Engine API for inspection. */
export function dockerStandinBuilder(docker = new Docker()): StandinBuilder {
  const suiteOf = (r: StandinRecipe) => r.standsFor[0]?.split(":")[1] ?? "bookworm";
  return {
    async inspect(ref) {
      try {
        const info = await docker.getImage(ref).inspect();
        return { id: info.Id, labels: info.Config?.Labels ?? {}, size: info.Size };
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode === 404) return undefined;
        throw err;
      }
    },
    async bases(recipe) {
      if (recipe.builder === "debootstrap") return [];
      return dockerfileBases(await readFile(path.join(recipeDir(recipe), "Dockerfile"), "utf8"));
    },
    async hash(recipe, extras) {
      if (recipe.builder !== "debootstrap") return hashRecipe(recipeDir(recipe), extras);
      const mirrors = await hostDebianMirrors(suiteOf(recipe));
      const cas = await hashRecipe(HOST_CA_DIR).catch(() => "none");
      return hashRecipe(recipeDir(recipe), [
        ...extras,
        `suite ${suiteOf(recipe)}`,
        `mirrors ${JSON.stringify(mirrors)}`,
        `ca ${cas}`,
      ]);
    },
    async build(recipe, tags, labels, logFile) {
      if (recipe.builder !== "debootstrap") return dockerBuild(recipeDir(recipe), tags, labels, logFile);
      const suite = suiteOf(recipe);
      return buildDebianBase({
        suite,
        mirrors: await hostDebianMirrors(suite),
        recipeDir: recipeDir(recipe),
        tags,
        labels,
        logFile,
      });
    },
    tag: (source, target, logFile) => runLogged("docker", ["tag", source, target], { logFile }),
    async discardStale(recipe, currentHash) {
      const images = await docker.listImages({ filters: { label: [`${STANDIN_LABEL}=${recipe.name}`] } });
      for (const image of images) {
        if (image.Labels?.[RECIPE_HASH_LABEL] === currentHash) continue;
        await docker
          .getImage(image.Id)
          .remove()
          .catch(() => undefined);
      }
    },
  };
}
