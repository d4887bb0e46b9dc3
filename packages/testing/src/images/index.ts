export { type EnsureStandinImagesOptions, ensureStandinImages } from "./ensure-standin-images";
export type { ImageInfo, StandinBuilder } from "./standin-builder";
export {
  RECIPE_HASH_LABEL,
  STANDIN_IMAGE_MAP,
  STANDIN_LABEL,
  STANDIN_RECIPES,
  type StandinRecipe,
  standinTag,
} from "./standin-catalog";
