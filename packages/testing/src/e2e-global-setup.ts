// jest globalSetup for the engine tier (`*.e2e.test.ts`): make sure a Docker Engine answers and
// the stand-in images exist, then hand the image map to the tests through a JSON file.
import { mkdir, writeFile } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { ensureDockerEngine } from "./docker-engine";
import { ensureStandinImages } from "./images";

/** Environment variable naming the JSON file of the image map (official reference -> stand-in). */
export const IMAGE_MAP_ENV = "LABCTL_TEST_IMAGE_MAP";

export default async function e2eGlobalSetup(): Promise<void> {
  await ensureDockerEngine();
  const map = await ensureStandinImages();
  const dir = path.join(os.tmpdir(), "labctl-standin");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "image-map.json");
  await writeFile(file, `${JSON.stringify(map, null, 2)}\n`);
  process.env[IMAGE_MAP_ENV] = file;
}
