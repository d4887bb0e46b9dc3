import { readdir, readFile } from "node:fs/promises";
import * as path from "node:path";

export interface DebianMirrors {
  /** Serves `<suite>` and `<suite>-updates`. */
  main: string;
  /** Serves `<suite>-security`, when the host knows one. */
  security?: string;
}

interface AptSource {
  uris: string[];
  suites: string[];
}

export const FALLBACK_DEBIAN_MIRROR = "http://deb.debian.org/debian";

/**
 * The Debian mirrors the host's apt already uses for `suite` (the ones known to be reachable),
 * from one-line `.list` and deb822 `.sources` texts. LABCTL_DEBIAN_MIRROR overrides the main one.
 */
export function debianMirrorsFrom(texts: readonly string[], suite: string, env = process.env): DebianMirrors {
  const sources = texts.flatMap(parseAptSources);
  const serving = (s: string) => sources.find((src) => src.suites.includes(s))?.uris[0];
  const main = env.LABCTL_DEBIAN_MIRROR || serving(suite) || FALLBACK_DEBIAN_MIRROR;
  const security = serving(`${suite}-security`);
  return security ? { main, security } : { main };
}

/** Reads /etc/apt/sources.list and the enabled files of sources.list.d (`root` for tests). */
export async function hostDebianMirrors(suite: string, root = "/etc/apt"): Promise<DebianMirrors> {
  const files = [path.join(root, "sources.list")];
  const dir = path.join(root, "sources.list.d");
  const names = await readdir(dir).catch(() => [] as string[]);
  files.push(
    ...names.filter((n) => n.endsWith(".list") || n.endsWith(".sources")).map((n) => path.join(dir, n)),
  );
  const texts = await Promise.all(files.map((f) => readFile(f, "utf8").catch(() => "")));
  return debianMirrorsFrom(texts, suite);
}

function parseAptSources(text: string): AptSource[] {
  // Comment lines go entirely: blanking them would split a deb822 stanza in two.
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => !l.startsWith("#"));
  if (lines.some((l) => /^Types:/i.test(l))) return parseDeb822(lines);
  return lines.flatMap((line) => {
    const m = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
    return m?.[1] && m[2] ? [{ uris: [m[1]], suites: [m[2]] }] : [];
  });
}

function parseDeb822(lines: string[]): AptSource[] {
  const stanzas: Record<string, string>[] = [{}];
  for (const line of lines) {
    if (line === "") stanzas.push({});
    const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    const current = stanzas[stanzas.length - 1];
    if (m?.[1] && current) current[m[1].toLowerCase()] = m[2] ?? "";
  }
  return stanzas
    .filter((s) => (s.types ?? "").split(/\s+/).includes("deb") && s.enabled?.toLowerCase() !== "no")
    .map((s) => ({
      uris: (s.uris ?? "").split(/\s+/).filter(Boolean),
      suites: (s.suites ?? "").split(/\s+/),
    }))
    .filter((s) => s.uris.length > 0);
}
