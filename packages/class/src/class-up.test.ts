import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { allocatePorts, portsFile } from "@labctl/core";
import { ExitCode, LabctlError } from "@labctl/sdk";
import { classUp } from "./class-up";
import { fakeClass, roster } from "./test-support/fake-class";

async function setup(...ids: string[]) {
  const { home, config, engine, base } = await fakeClass(...ids);
  // an earlier class already holds block 0: ports.json exists before the run
  await allocatePorts(home, config, { classId: "older", student: "zoe", lab: "tp99", roles: ["web"] });
  return { home, config, engine, base, before: readFileSync(portsFile(home)) };
}

const listen = (port: number) =>
  new Promise<Server>((resolve) => {
    const server = createServer();
    server.listen(port, "127.0.0.1", () => resolve(server));
  });

describe("class up, ports", () => {
  it("a refused pre-flight (port taken) leaves ports.json byte-identical and remembers nothing", async () => {
    const { home, config, engine, base, before } = await setup("ann", "bob", "cid");
    const server = await listen(config.portBase + 200); // bob's would-be block (zoe has 0, ann 1)
    try {
      await expect(classUp(base)).rejects.toMatchObject({ code: "PREFLIGHT" });
    } finally {
      server.close();
    }
    expect(readFileSync(portsFile(home))).toEqual(before);
    expect(engine.calls).toEqual([]);
    expect(existsSync(join(home.root, "classes", "devops", "students.json"))).toBe(false);
    expect(existsSync(home.envsDir)).toBe(false);
  });

  it("an unreachable engine leaves ports.json byte-identical", async () => {
    const { home, engine, base, before } = await setup("ann", "bob");
    engine.preflight = async () => {
      throw new LabctlError("Docker is not reachable.", "start it", ExitCode.infrastructure, "ENGINE_DOWN");
    };
    await expect(classUp(base)).rejects.toMatchObject({ code: "ENGINE_DOWN" });
    expect(readFileSync(portsFile(home))).toEqual(before);
  });

  it("a roster that overflows the port range writes nothing (not the blocks that fitted)", async () => {
    const { home, config, engine, base, before } = await setup();
    const ids = Array.from({ length: 10_000 }, (_, i) => `s${i}`);
    await expect(
      classUp({ ...base, roster: roster(...ids), config: { ...config, portBase: 60000 } }),
    ).rejects.toMatchObject({ exitCode: 65, message: expect.stringContaining("No host ports left") });
    expect(readFileSync(portsFile(home))).toEqual(before);
    expect(engine.calls).toEqual([]);
  });

  it("records every roster student's block once the pre-flight passed, in roster order", async () => {
    const { home, base } = await setup("ann", "bob", "cid");
    await classUp({ ...base, selection: { only: ["cid"] } });
    expect(JSON.parse(readFileSync(portsFile(home), "utf8")).students).toEqual({
      "older/zoe": 0,
      "devops/ann": 1,
      "devops/bob": 2,
      "devops/cid": 3,
    });
    expect(readdirSync(join(home.root, "classes", "devops")).sort()).toEqual(["students.json", "tp99"]);
  });
});
