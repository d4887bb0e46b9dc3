import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { dockerfileBases } from "./dockerfile-bases";
import {
  RECIPES_ROOT,
  STANDIN_IMAGE_MAP,
  STANDIN_RECIPES,
  selectRecipes,
  standinTag,
} from "./standin-catalog";

describe("stand-in catalog", () => {
  it("maps exactly the official images labs use to labctl-standin tags", () => {
    expect(STANDIN_IMAGE_MAP).toEqual({
      "mysql:8.0": "labctl-standin/mysql:8.0",
      "mariadb:11.4": "labctl-standin/mariadb:11.4",
      "ghost:5-alpine": "labctl-standin/ghost:5-alpine",
      "nginx:1.27-alpine": "labctl-standin/nginx:1.27-alpine",
      "hello-world:latest": "labctl-standin/hello-world:latest",
      "gcc:13": "labctl-standin/gcc:13",
      "debian:bookworm-slim": "labctl-standin/debian:bookworm-slim",
      "wordpress:6.6-apache": "labctl-standin/wordpress:6.6-apache",
      "registry:2.8": "labctl-standin/registry:2.8",
      // not a lab image: the engine tests' tiny image
      "busybox:1.36": "labctl-standin/busybox:1.36",
    });
  });

  it.each(STANDIN_RECIPES.filter((r) => !r.builder))(
    "$name has a Dockerfile built only FROM other stand-ins",
    (recipe) => {
      const dockerfile = readFileSync(path.join(RECIPES_ROOT, recipe.name, "Dockerfile"), "utf8");
      const known = STANDIN_RECIPES.flatMap((r) => r.standsFor.map(standinTag));
      for (const base of dockerfileBases(dockerfile)) expect(known).toContain(base);
    },
  );

  it("has the debootstrap overlay for the base image", () => {
    expect(existsSync(path.join(RECIPES_ROOT, "debian", "overlay", "usr", "sbin", "policy-rc.d"))).toBe(true);
  });

  it("selects recipes by name, official reference or stand-in tag", () => {
    expect(
      selectRecipes(["ghost", "nginx:1.27-alpine", "labctl-standin/mariadb:11.4"]).map((r) => r.name),
    ).toEqual(["ghost", "nginx", "mariadb"]);
    expect(() => selectRecipes(["wordpress:6"])).toThrow(/No stand-in image for "wordpress:6"/);
  });
});
