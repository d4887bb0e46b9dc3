export {
  type EnsureStandinImagesOptions,
  ensureStandinImages,
  RECIPE_HASH_LABEL,
  STANDIN_LABEL,
} from "./ensure-standin-images";
export type { ImageInfo, StandinBuilder } from "./standin-builder";
export { STANDIN_IMAGE_MAP, STANDIN_RECIPES, type StandinRecipe, standinTag } from "./standin-catalog";
