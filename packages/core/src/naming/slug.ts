/** DNS-1123 label max is 63; names are `<lab>-<student>-<role>`, so keep student slugs short. */
export const MAX_SLUG_LENGTH = 30;

/**
 * A stable, lowercase, DNS-1123-safe slug: accents folded ("Élodie" -> "elodie"), anything
 * else becomes a dash, long names cut on a dash boundary when possible.
 */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const folded = text
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/ß/g, "ss")
    .replace(/[æ]/gi, "ae")
    .replace(/[œ]/gi, "oe")
    .replace(/ø/gi, "o")
    .replace(/ł/gi, "l")
    .toLowerCase();
  let slug = folded.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length > maxLength) {
    const cut = slug.slice(0, maxLength);
    const lastDash = cut.lastIndexOf("-");
    slug = (lastDash >= maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, "");
  }
  return slug;
}

/**
 * Slugs for a list of names, unique and deterministic: the first keeps the plain slug, later
 * ones get `-2`, `-3`… in list order (so the same roster always gives the same ids).
 */
export function uniqueSlugs(
  names: string[],
  maxLength = MAX_SLUG_LENGTH,
  /** Slugs already in use (explicit ids): a generated one never takes them. */
  reserved: Iterable<string> = [],
): string[] {
  const taken = new Set<string>(reserved);
  return names.map((name) => {
    const base = slugify(name, maxLength) || "student";
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) {
      const suffix = `-${n}`;
      candidate = `${base.slice(0, maxLength - suffix.length).replace(/-+$/, "")}${suffix}`;
    }
    taken.add(candidate);
    return candidate;
  });
}

export const isSlug = (s: string): boolean =>
  s.length > 0 && s.length <= MAX_SLUG_LENGTH && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(s);
