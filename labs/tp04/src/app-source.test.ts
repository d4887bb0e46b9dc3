import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { APP_DIR_ENV, appSource, BUNDLED_APP_DIR } from "./app-source";

describe("appSource", () => {
  it("is the bundled reference app by default", () => {
    expect(appSource({})).toEqual({ dir: BUNDLED_APP_DIR, dockerfile: join(BUNDLED_APP_DIR, "Dockerfile") });
    expect(BUNDLED_APP_DIR).toBe(join(__dirname, "..", "app"));
  });

  it("is the student's folder when the environment names one", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp04-app-"));
    writeFileSync(join(dir, "Dockerfile"), "FROM scratch\n");
    expect(appSource({ [APP_DIR_ENV]: dir })).toEqual({ dir, dockerfile: join(dir, "Dockerfile") });
  });

  it("refuses a folder without a Dockerfile and says which variable pointed there", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp04-empty-"));
    expect(() => appSource({ [APP_DIR_ENV]: dir })).toThrow(
      `no Dockerfile in ${dir} (${APP_DIR_ENV}=${dir}): copy the lab's app/ folder and write yours there`,
    );
  });
});
