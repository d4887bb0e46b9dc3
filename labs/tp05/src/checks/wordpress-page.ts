import type { HttpProbe } from "@labctl/sdk";

/** What WordPress prints, in an <h1> of a 500 page, when it cannot use its database. */
const DB_ERRORS = ["Error establishing a database connection", "Cannot select database"];

export interface Page {
  /** The URL that answered last, after same-site redirects. */
  url: string;
  status: number;
  body: string;
  /** Where WordPress sent us off-site (its site URL is another address), if it did. */
  offsite?: string;
}

/** GETs a WordPress URL, following its own redirects (e.g. / to /wp-admin/install.php before installation). */
export async function getPage(http: HttpProbe, url: string, maxHops = 3): Promise<Page> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const res = await http.request(current, { timeoutMs: 15_000 });
    const location = res.headers.location;
    if (res.status < 300 || res.status >= 400 || !location || hop >= maxHops) {
      return { url: current, status: res.status, body: res.body };
    }
    const next = new URL(location, current);
    if (next.origin !== new URL(url).origin)
      return { url: current, status: res.status, body: res.body, offsite: next.href };
    current = next.href;
  }
}

/** The database error WordPress shows on the page, if it shows one. */
export function databaseError(body: string): string | undefined {
  return DB_ERRORS.find((e) => body.includes(e));
}

/** Pages WordPress renders link its own assets; its themes add a generator tag. */
export function isWordPressPage(body: string): boolean {
  return (
    /\/wp-(admin|includes|content)\//.test(body) || /<meta name="generator" content="WordPress/i.test(body)
  );
}

/** The first <h1> (or the title) of a page, as text: what an error page says in one line. */
export function headline(body: string): string | undefined {
  const found = body.match(/<h1[^>]*>([\s\S]*?)<\/h1>/i) ?? body.match(/<title[^>]*>([\s\S]*?)<\/title>/i);
  const text = found?.[1]
    ?.replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text || undefined;
}
