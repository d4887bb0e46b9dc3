// Every docker and Swarm lab of the catalog is one the docker engine can make: its program only
// declares types the engine realizes, with inputs it accepts. `up` runs the program once and
// checks this as it goes (a resource registered after another exists is checked when it
// registers), so this test is what proves, before any student runs it, that no catalog lab
// can stop half-way for that reason.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, resolveEnvironment, resolveHome } from "@labctl/core";
import { checkProgram } from "@labctl/engine-docker";
import { LABS } from "./catalog";

const home = resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-realizable-")) });
const noDocker = () => {
  throw new Error("a check of the program must not touch Docker");
};

describe("catalog labs on the docker engine", () => {
  it.each(LABS.filter((lab) => lab.platform !== "kind").map((lab) => [lab.id, lab] as const))(
    "%s declares only what the docker engine realizes, with valid inputs",
    async (_id, lab) => {
      const spec = resolveEnvironment(
        home,
        loadConfig(home, {}),
        lab,
        { id: "alice", name: "Alice" },
        "default",
      );
      const secrets = Object.fromEntries(lab.secrets.map((name) => [name, "not-a-real-secret"]));
      const realizer = await checkProgram({ ...spec, secrets }, noDocker);
      expect([...realizer.unsupported]).toEqual([]);
      expect(realizer.problems).toEqual([]);
      expect(realizer.declared.size).toBeGreaterThan(0);
    },
  );
});
