import * as path from "node:path";

/**
 * The stand-in images tests use instead of official images (no registry is reachable here).
 * Adding one = a recipe folder under packages/testing/images/<name> plus a line below.
 */
export interface StandinRecipe {
  /** Recipe folder under packages/testing/images/. */
  name: string;
  /** Official references the image stands in for; each is tagged `labctl-standin/<ref>`. */
  standsFor: readonly string[];
  /** `debootstrap`: the root file system is made by debootstrap, not by `docker build`. */
  builder?: "debootstrap";
  /** Internal images (build bases) are tagged but left out of the image map. */
  internal?: boolean;
}

export const STANDIN_REPOSITORY_PREFIX = "labctl-standin/";
/** Image labels: which recipe built an image, and the digest of that recipe's inputs. */
export const STANDIN_LABEL = "dev.labctl.standin";
export const RECIPE_HASH_LABEL = "dev.labctl.standin.recipe";

export const STANDIN_RECIPES: readonly StandinRecipe[] = [
  { name: "debian", standsFor: ["debian:bookworm"], builder: "debootstrap", internal: true },
  { name: "mariadb", standsFor: ["mysql:8.0", "mariadb:11.4"] },
  { name: "ghost", standsFor: ["ghost:5-alpine"] },
  { name: "nginx", standsFor: ["nginx:1.27-alpine"] },
  { name: "hello-world", standsFor: ["hello-world:latest"] },
  { name: "gcc", standsFor: ["gcc:13"] },
  { name: "debian-slim", standsFor: ["debian:bookworm-slim"] },
  { name: "wordpress", standsFor: ["wordpress:6.6-apache"] },
  { name: "registry", standsFor: ["registry:2.8"] },
  { name: "busybox", standsFor: ["busybox:1.36"] },
];

/** Folder holding the recipe folders (sources and the compiled dist/ both sit one level below). */
export const RECIPES_ROOT = path.resolve(__dirname, "..", "..", "images");

export function standinTag(officialRef: string): string {
  return STANDIN_REPOSITORY_PREFIX + officialRef;
}

export function recipeDir(recipe: StandinRecipe): string {
  return path.join(RECIPES_ROOT, recipe.name);
}

/** Official reference -> local stand-in, for every image a lab may name. */
export const STANDIN_IMAGE_MAP: Record<string, string> = Object.fromEntries(
  STANDIN_RECIPES.filter((r) => !r.internal).flatMap((r) => r.standsFor.map((ref) => [ref, standinTag(ref)])),
);

/** Picks recipes by name, official reference or stand-in tag; unknown selectors are an error. */
export function selectRecipes(selectors: readonly string[] | undefined): StandinRecipe[] {
  if (!selectors) return STANDIN_RECIPES.filter((r) => !r.internal);
  return selectors.map((s) => {
    const found = STANDIN_RECIPES.find(
      (r) => r.name === s || r.standsFor.some((ref) => ref === s || standinTag(ref) === s),
    );
    if (!found) {
      throw new Error(`No stand-in image for "${s}"; known: ${Object.keys(STANDIN_IMAGE_MAP).join(", ")}.`);
    }
    return found;
  });
}
