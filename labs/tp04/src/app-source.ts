import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Names a folder holding the student's own Dockerfile (a copy of app/ to work on): labctl builds
 * and grades that one instead of the reference. Read where labctl runs, like the Docker CLI's own
 * environment variables.
 */
export const APP_DIR_ENV = "LABCTL_TP04_APP_DIR";

/** The reference app and Dockerfile shipped with the lab (app/, next to src/ and dist/). */
export const BUNDLED_APP_DIR = resolve(__dirname, "..", "app");

export interface AppSource {
  /** The build context, absolute. */
  dir: string;
  /** Its Dockerfile, absolute. */
  dockerfile: string;
}

/** The app folder to build: the student's (APP_DIR_ENV) when set, else the bundled reference. */
export function appSource(env: NodeJS.ProcessEnv = process.env): AppSource {
  const chosen = env[APP_DIR_ENV];
  const dir = resolve(chosen || BUNDLED_APP_DIR);
  const dockerfile = join(dir, "Dockerfile");
  if (!existsSync(dockerfile)) {
    const origin = chosen ? `${APP_DIR_ENV}=${chosen}` : "the lab's app folder";
    throw new Error(`no Dockerfile in ${dir} (${origin}): copy the lab's app/ folder and write yours there`);
  }
  return { dir, dockerfile };
}
