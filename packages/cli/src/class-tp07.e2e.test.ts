import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Docker from "dockerode";
import { updateService } from "../../../labs/tp07/src/test-support/swarm-service";
import { classLeftovers, classSandbox } from "./class-e2e-support";

// A tp07 class on one swarm (single node here), through the built CLI: every student's stack on
// its own overlays -> verify passes and the isolation check probes from each overlay -> bob's web
// put on ann's front overlay -> isolation fails for exactly those two, naming the crossing -> down
// leaves nothing labelled and the swarm as it was found.
const sandbox = classSandbox(29000);
const roster = join(sandbox.dir, "tp07-class-e2e.yaml");
writeFileSync(roster, "students:\n  - { id: ann, name: Ann Lee }\n  - { id: bob, name: Bob Martin }\n");
const classId = "tp07-class-e2e";
const docker = new Docker();
const swarmState = async () => (await docker.info()).Swarm?.LocalNodeState as string | undefined;
let swarmBefore: string | undefined;

const verify = (timeout: string) =>
  sandbox.labctl("class", "verify", "tp07", "--roster", roster, "--timeout", timeout, "--json");
type Outcome = { status: string; message: string };
const isolationOf = (stdout: string): Record<string, Outcome> => JSON.parse(stdout).classChecks[0].outcomes;

describe("labctl class up / verify / down tp07", () => {
  beforeAll(async () => {
    swarmBefore = await swarmState();
  });
  afterAll(() => sandbox.labctl("class", "down", "tp07", "--roster", roster, "--yes"));

  it("brings both students up on one swarm, each on its own overlays", async () => {
    const up = sandbox.labctl("class", "up", "tp07", "--roster", roster, "--concurrency", "2", "--json");
    const states = (
      JSON.parse(up.stdout).students as { student: { id: string }; state: string; message: string }[]
    ).map((s) => `${s.student.id} ${s.state}${s.state === "ok" ? "" : `: ${s.message}`}`);
    expect({ status: up.status, states }).toEqual({ status: 0, states: ["ann ok", "bob ok"] });
    const overlays = (await docker.listNetworks({ filters: { label: [`dev.labctl.class=${classId}`] } }))
      .map((n) => `${n.Name} ${n.Driver}`)
      .sort();
    expect(overlays).toEqual([
      "tp07-ann-back overlay",
      "tp07-ann-front overlay",
      "tp07-bob-back overlay",
      "tp07-bob-front overlay",
    ]);
  });

  it("verifies both: every check passes, and each is isolated from the other over both overlays", () => {
    const run = verify("180");
    expect({ status: run.status, stdout: run.status === 0 ? "" : run.stdout }).toEqual({
      status: 0,
      stdout: "",
    });
    const isolation = isolationOf(run.stdout);
    expect(isolation.ann?.status).toBe("pass");
    // A prober on each overlay: db on back, another task on front.
    expect(isolation.ann?.message).toMatch(/^tp07-ann-db\.1\.\w+ and tp07-ann-\w+\.\d\.\w+ cannot reach/);
    expect(isolation.bob?.status).toBe("pass");
  });

  it("bob's web on ann's front overlay fails isolation for those two, naming the crossing", async () => {
    const [annFront] = await docker.listNetworks({ filters: { name: ["tp07-ann-front"] } });
    await updateService(docker, "tp07-bob-web", (spec) => {
      spec.TaskTemplate.Networks = [...spec.TaskTemplate.Networks, { Target: annFront?.Id }];
    });
    const run = verify("20");
    expect(run.status).toBe(1);
    const isolation = isolationOf(run.stdout);
    expect(isolation.bob?.status).toBe("fail");
    expect(isolation.bob?.message).toMatch(/bob's tp07-bob-web\.\d\.\w+ reached ann's /);
    expect(isolation.ann?.status).toBe("fail");
  });

  it("down removes every labelled object of the class and leaves the swarm as found", async () => {
    const down = sandbox.labctl("class", "down", "tp07", "--roster", roster, "--yes", "--json");
    expect(down.status).toBe(0);
    // Swarm removes a service's task containers on its own time.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      if ((await classLeftovers(classId)).length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(await classLeftovers(classId)).toEqual([]);
    expect(await swarmState()).toBe(swarmBefore);
  });
});
