import { mkdtemp } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { ensureStandinImages } from "./ensure-standin-images";
import type { ImageInfo, StandinBuilder } from "./standin-builder";
import { RECIPE_HASH_LABEL, STANDIN_IMAGE_MAP, STANDIN_RECIPES } from "./standin-catalog";

/** An in-memory engine: builds record their recipe and make a new image id. */
function fakeBuilder() {
  const images = new Map<string, ImageInfo>();
  const built: string[] = [];
  const tagged: string[] = [];
  const discarded: string[] = [];
  let next = 0;
  const builder: StandinBuilder = {
    inspect: async (ref) => images.get(ref),
    bases: async (recipe) => (recipe.name === "debian" ? [] : ["labctl-standin/debian:bookworm"]),
    hash: async (recipe, extras) => `${recipe.name}|${extras.join(",")}`,
    build: async (recipe, tags, labels) => {
      built.push(recipe.name);
      const info = { id: `sha256:${++next}`, labels, size: 1e8 };
      for (const tag of tags) images.set(tag, info);
    },
    tag: async (source, target) => {
      tagged.push(target);
      const info = images.get(source);
      if (info) images.set(target, info);
    },
    discardStale: async (recipe) => {
      discarded.push(recipe.name);
    },
  };
  return { builder, images, built, tagged, discarded };
}

async function run(builder: StandinBuilder, only?: string[]) {
  const lines: string[] = [];
  const workDir = await mkdtemp(path.join(os.tmpdir(), "labctl-standin-test-"));
  const map = await ensureStandinImages({ builder, only, workDir, log: (l) => lines.push(l) });
  return { map, lines };
}

describe("ensureStandinImages", () => {
  it("builds the base first, then every stand-in, and returns the whole map", async () => {
    const fake = fakeBuilder();
    const { map, lines } = await run(fake.builder);
    expect(fake.built[0]).toBe("debian");
    expect([...fake.built].sort()).toEqual(STANDIN_RECIPES.map((r) => r.name).sort());
    expect(map).toEqual(STANDIN_IMAGE_MAP);
    expect(fake.images.get("labctl-standin/mariadb:11.4")).toBe(fake.images.get("labctl-standin/mysql:8.0"));
    expect(lines.some((l) => /ghost: building \(missing\), log: .*ghost\.log/.test(l))).toBe(true);
  });

  it("builds nothing when every recipe is unchanged", async () => {
    const fake = fakeBuilder();
    await run(fake.builder);
    fake.built.length = 0;
    const { lines } = await run(fake.builder);
    expect(fake.built).toEqual([]);
    expect(lines.filter((l) => l.includes("up to date"))).toHaveLength(STANDIN_RECIPES.length);
  });

  it("rebuilds what sits on a base whose image changed, not the base", async () => {
    const fake = fakeBuilder();
    await run(fake.builder);
    fake.built.length = 0;
    const base = fake.images.get("labctl-standin/debian:bookworm") as ImageInfo;
    fake.images.set("labctl-standin/debian:bookworm", { ...base, id: "sha256:reimported" });
    await run(fake.builder, ["nginx"]);
    expect(fake.built).toEqual(["nginx"]);
  });

  it("rebuilds an image whose recipe label is stale", async () => {
    const fake = fakeBuilder();
    await run(fake.builder);
    fake.built.length = 0;
    const nginx = fake.images.get("labctl-standin/nginx:1.27-alpine") as ImageInfo;
    fake.images.set("labctl-standin/nginx:1.27-alpine", { ...nginx, labels: { [RECIPE_HASH_LABEL]: "old" } });
    await run(fake.builder);
    expect(fake.built).toEqual(["nginx"]);
    expect(fake.discarded).toContain("nginx");
  });

  it("restores a missing second tag without rebuilding", async () => {
    const fake = fakeBuilder();
    await run(fake.builder);
    fake.built.length = 0;
    fake.images.delete("labctl-standin/mariadb:11.4");
    await run(fake.builder, ["mysql:8.0"]);
    expect(fake.built).toEqual([]);
    expect(fake.tagged).toEqual(["labctl-standin/mariadb:11.4"]);
  });

  it("builds only what `only` names (and its base) and returns just those entries", async () => {
    const fake = fakeBuilder();
    const { map } = await run(fake.builder, ["mariadb:11.4"]);
    expect(fake.built).toEqual(["debian", "mariadb"]);
    expect(map).toEqual({
      "mysql:8.0": "labctl-standin/mysql:8.0",
      "mariadb:11.4": "labctl-standin/mariadb:11.4",
    });
  });

  it("rejects an unknown image, naming the known ones", async () => {
    await expect(run(fakeBuilder().builder, ["postgres:16"])).rejects.toThrow(
      /No stand-in image for "postgres:16"; known: mysql:8.0/,
    );
  });

  it("fails when a build does not produce an image carrying its recipe hash", async () => {
    const fake = fakeBuilder();
    fake.builder.build = async () => undefined;
    await expect(run(fake.builder, ["hello-world"])).rejects.toThrow(
      /did not produce the expected image; see .*debian\.log/,
    );
  });
});
