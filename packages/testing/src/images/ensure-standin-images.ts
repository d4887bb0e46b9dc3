import { mkdir, writeFile } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { withBuildLock } from "./build-lock";
import { dockerStandinBuilder, type StandinBuilder } from "./standin-builder";
import {
  RECIPE_HASH_LABEL,
  STANDIN_LABEL,
  STANDIN_RECIPES,
  type StandinRecipe,
  selectRecipes,
  standinTag,
} from "./standin-catalog";

export interface EnsureStandinImagesOptions {
  /** Recipe names, official references or stand-in tags; default: every stand-in of the map. */
  only?: string[];
  /** Progress lines (default: stderr). Build output goes to one log file per image. */
  log?: (line: string) => void;
  /** Where build logs and locks live (default: <tmpdir>/labctl-standin). */
  workDir?: string;
  builder?: StandinBuilder;
}

/**
 * Builds the stand-in images that are missing or whose recipe (folder contents + base image id)
 * changed, bases first, and returns the image map (official reference -> stand-in) for them.
 */
export async function ensureStandinImages(
  opts: EnsureStandinImagesOptions = {},
): Promise<Record<string, string>> {
  const builder = opts.builder ?? dockerStandinBuilder();
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const workDir = opts.workDir ?? path.join(os.tmpdir(), "labctl-standin");
  await mkdir(workDir, { recursive: true });
  const selected = selectRecipes(opts.only);
  const ids = new Map<string, string>();

  const ensure = async (recipe: StandinRecipe, chain: readonly string[]): Promise<string> => {
    const known = ids.get(recipe.name);
    if (known) return known;
    if (chain.includes(recipe.name))
      throw new Error(`Stand-in recipes build FROM each other: ${[...chain, recipe.name].join(" -> ")}`);
    const extras: string[] = [];
    for (const base of await builder.bases(recipe)) {
      const dep = STANDIN_RECIPES.find((r) => r.standsFor.some((ref) => standinTag(ref) === base));
      extras.push(dep ? `base ${base}@${await ensure(dep, [...chain, recipe.name])}` : `base ${base}`);
    }
    const lock = path.join(workDir, `${recipe.name}.lock`);
    const onWait = (pid: number) => log(`[standin] ${recipe.name}: waiting for another build (pid ${pid})`);
    const id = await withBuildLock(lock, () => ensureOne(recipe, extras, builder, workDir, log), onWait);
    ids.set(recipe.name, id);
    return id;
  };

  const map: Record<string, string> = {};
  for (const recipe of selected) {
    await ensure(recipe, []);
    if (recipe.internal) continue;
    for (const ref of recipe.standsFor) map[ref] = standinTag(ref);
  }
  return map;
}

async function ensureOne(
  recipe: StandinRecipe,
  extras: readonly string[],
  builder: StandinBuilder,
  workDir: string,
  log: (line: string) => void,
): Promise<string> {
  const hash = await builder.hash(recipe, extras);
  const [first, ...others] = recipe.standsFor.map(standinTag);
  if (!first) throw new Error(`Stand-in recipe ${recipe.name} stands for no image`);
  const current = await builder.inspect(first);
  const logFile = path.join(workDir, `${recipe.name}.log`);
  if (current?.labels[RECIPE_HASH_LABEL] === hash) {
    for (const tag of others) {
      if ((await builder.inspect(tag))?.id !== current.id) await builder.tag(first, tag, logFile);
    }
    log(`[standin] ${recipe.name}: up to date (${first})`);
    return current.id;
  }
  await writeFile(logFile, "");
  log(`[standin] ${recipe.name}: building ${current ? "(recipe changed)" : "(missing)"}, log: ${logFile}`);
  const started = Date.now();
  await builder.build(
    recipe,
    [first, ...others],
    { [STANDIN_LABEL]: recipe.name, [RECIPE_HASH_LABEL]: hash },
    logFile,
  );
  const built = await builder.inspect(first);
  if (built?.labels[RECIPE_HASH_LABEL] !== hash)
    throw new Error(`Building ${first} did not produce the expected image; see ${logFile}`);
  await builder.discardStale(recipe, hash);
  const seconds = Math.round((Date.now() - started) / 1000);
  log(`[standin] ${recipe.name}: built in ${seconds} s, ${Math.round(built.size / 1e6)} MB (${first})`);
  return built.id;
}
