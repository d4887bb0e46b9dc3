import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { studentMarker } from "@labctl/sdk";
import { prepareWebRoot, webPage } from "./web-root";

describe("prepareWebRoot", () => {
  it("creates <dataDir>/www with the student's page, the name escaped", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp02-www-"));
    try {
      const root = prepareWebRoot(join(dir, "data"), { id: "bob", name: "Bob <b>" });
      expect(root).toBe(join(dir, "data", "www"));
      const page = readFileSync(join(root, "index.html"), "utf8");
      expect(page).toContain(studentMarker("bob"));
      expect(page).toContain("Bob &lt;b&gt;");
      expect(page).toBe(webPage({ id: "bob", name: "Bob <b>" }, root));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
