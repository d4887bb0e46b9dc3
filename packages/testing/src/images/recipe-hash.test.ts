import { chmod, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { hashRecipe } from "./recipe-hash";

async function recipe(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "labctl-recipe-"));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

describe("hashRecipe", () => {
  const files = { Dockerfile: "FROM x\n", "conf/a.cnf": "[mysqld]\n" };

  it("is the same for the same contents in another folder", async () => {
    expect(await hashRecipe(await recipe(files))).toBe(await hashRecipe(await recipe(files)));
  });

  it("changes with a file's contents, a new file, or an extra input", async () => {
    const base = await hashRecipe(await recipe(files));
    expect(await hashRecipe(await recipe({ ...files, "conf/a.cnf": "[mysqld]\nport=1\n" }))).not.toBe(base);
    expect(await hashRecipe(await recipe({ ...files, "b.sh": "" }))).not.toBe(base);
    expect(await hashRecipe(await recipe(files), ["base sha256:1"])).not.toBe(base);
  });

  it("changes when a file becomes executable", async () => {
    const dir = await recipe(files);
    const before = await hashRecipe(dir);
    await chmod(path.join(dir, "Dockerfile"), 0o755);
    expect(await hashRecipe(dir)).not.toBe(before);
  });
});
