import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { debianMirrorsFrom, FALLBACK_DEBIAN_MIRROR, hostDebianMirrors } from "./debian-mirrors";

const DEB822 = `Types: deb
# a comment inside the stanza
URIs: http://mirror.example/debian
Suites: bookworm bookworm-updates
Components: main

Types: deb
URIs: http://mirror.example/debian-security
Suites: bookworm-security
Components: main
`;

describe("debianMirrorsFrom", () => {
  it("reads deb822 stanzas, comments included", () => {
    expect(debianMirrorsFrom([DEB822], "bookworm", {})).toEqual({
      main: "http://mirror.example/debian",
      security: "http://mirror.example/debian-security",
    });
  });

  it("reads one-line sources with options and skips deb-src and comments", () => {
    const list =
      "# deb http://old.example/debian bookworm main\ndeb-src http://src.example/debian bookworm main\ndeb [arch=amd64] http://one.example/debian bookworm main\n";
    expect(debianMirrorsFrom([list], "bookworm", {})).toEqual({ main: "http://one.example/debian" });
  });

  it("ignores disabled stanzas and other suites, then falls back to deb.debian.org", () => {
    const disabled = "Types: deb\nURIs: http://off.example/debian\nSuites: bookworm\nEnabled: no\n";
    const other = "deb http://bullseye.example/debian bullseye main\n";
    expect(debianMirrorsFrom([disabled, other], "bookworm", {})).toEqual({ main: FALLBACK_DEBIAN_MIRROR });
  });

  it("lets LABCTL_DEBIAN_MIRROR override the main mirror", () => {
    const env = { LABCTL_DEBIAN_MIRROR: "http://campus.example/debian" };
    expect(debianMirrorsFrom([DEB822], "bookworm", env).main).toBe("http://campus.example/debian");
  });
});

describe("hostDebianMirrors", () => {
  it("reads sources.list.d/*.sources but not disabled files", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "labctl-apt-"));
    await mkdir(path.join(root, "sources.list.d"));
    await writeFile(path.join(root, "sources.list.d", "debian.sources"), DEB822);
    await writeFile(
      path.join(root, "sources.list.d", "x.list.disabled"),
      "deb http://no.example/debian bookworm main\n",
    );
    expect((await hostDebianMirrors("bookworm", root)).main).toBe("http://mirror.example/debian");
  });
});
