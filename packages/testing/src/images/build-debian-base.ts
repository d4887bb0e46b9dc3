import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import type { DebianMirrors } from "./debian-mirrors";
import { aptEnv, commandExists } from "./host-commands";
import { runLogged } from "./run-logged";

/** Local CA certificates of the host: copied in so builds behind a TLS-inspecting proxy work. */
export const HOST_CA_DIR = "/usr/local/share/ca-certificates";

export interface DebianBaseBuild {
  suite: string;
  mirrors: DebianMirrors;
  /** Recipe folder: its overlay/ is copied over the fresh root file system. */
  recipeDir: string;
  tags: readonly string[];
  labels: Record<string, string>;
  logFile: string;
}

/** debootstrap a minbase root file system, make it container-friendly and `docker import` it. */
export async function buildDebianBase(b: DebianBaseBuild): Promise<void> {
  const log = { logFile: b.logFile };
  if (!(await commandExists("debootstrap"))) {
    await runLogged("apt-get", ["update"], { ...log, env: aptEnv() });
    await runLogged("apt-get", ["install", "-y", "--no-install-recommends", "debootstrap"], {
      ...log,
      env: aptEnv(),
    });
  }
  const root = await mkdtemp(path.join(os.tmpdir(), "labctl-debootstrap-"));
  try {
    const https = [b.mirrors.main, b.mirrors.security].some((uri) => uri?.startsWith("https:"));
    const include = https ? ["--include=ca-certificates"] : [];
    await runLogged("debootstrap", ["--variant=minbase", ...include, b.suite, root, b.mirrors.main], log);
    await cp(path.join(b.recipeDir, "overlay"), root, { recursive: true });
    await cp(HOST_CA_DIR, path.join(root, HOST_CA_DIR), { recursive: true }).catch(() => undefined);
    await writeFile(path.join(root, "etc/apt/sources.list.d/debian.sources"), aptSources(b.suite, b.mirrors));
    for (const stale of ["etc/apt/sources.list", "etc/hostname", "etc/resolv.conf"]) {
      await rm(path.join(root, stale), { force: true });
    }
    // Package lists and downloaded .debs are stale the moment the image is made (folders stay).
    await emptyDir(path.join(root, "var/lib/apt/lists"));
    await emptyDir(path.join(root, "var/cache/apt"));
    await importRootfs(root, b);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function emptyDir(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await emptyDir(full);
    else await rm(full, { force: true });
  }
}

export function aptSources(suite: string, mirrors: DebianMirrors): string {
  const stanza = (uri: string, suites: string) =>
    `Types: deb\nURIs: ${uri}\nSuites: ${suites}\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n`;
  const stanzas = [stanza(mirrors.main, `${suite} ${suite}-updates`)];
  if (mirrors.security) stanzas.push(stanza(mirrors.security, `${suite}-security`));
  return stanzas.join("\n");
}

async function importRootfs(root: string, b: DebianBaseBuild): Promise<void> {
  const [first, ...others] = b.tags;
  if (!first) throw new Error("buildDebianBase needs at least one tag");
  const changes = [
    "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    'CMD ["bash"]',
    ...Object.entries(b.labels).map(([k, v]) => `LABEL ${k}=${v}`),
  ].flatMap((c) => ["--change", c]);
  const tar = spawn("tar", ["-C", root, "--numeric-owner", "-c", "."], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const tarDone = new Promise<number | null>((resolve) => tar.on("close", resolve));
  await runLogged("docker", ["import", ...changes, "-", first], { logFile: b.logFile, stdin: tar.stdout });
  if ((await tarDone) !== 0) throw new Error(`tar of ${root} failed; the imported image may be incomplete`);
  for (const tag of others) await runLogged("docker", ["tag", first, tag], { logFile: b.logFile });
}
