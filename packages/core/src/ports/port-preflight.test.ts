import { createServer, type Server } from "node:net";
import { assertPortsFree, isPortFree } from "./port-preflight";

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, port: (server.address() as { port: number }).port }),
    );
  });
}

describe("port pre-flight", () => {
  let held: { server: Server; port: number };
  beforeAll(async () => {
    held = await listen();
  });
  afterAll(() => held.server.close());

  it("sees a held port as taken and a closed one as free", async () => {
    expect(await isPortFree("127.0.0.1", held.port)).toBe(false);
    const probe = await listen();
    probe.server.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(await isPortFree("127.0.0.1", probe.port)).toBe(true);
  });

  it("names the owner of a taken port", async () => {
    const check = assertPortsFree(
      { web: held.port },
      "127.0.0.1",
      async () => false,
      async () => "container tp01-bob-web",
    );
    await expect(check).rejects.toThrow(
      `127.0.0.1:${held.port} (for web) is taken by container tp01-bob-web`,
    );
    await expect(check).rejects.toMatchObject({ exitCode: 2, code: "PORT_TAKEN" });
  });

  it("accepts a port this environment already holds", async () => {
    await expect(
      assertPortsFree(
        { web: held.port },
        "127.0.0.1",
        async () => true,
        async () => undefined,
      ),
    ).resolves.toBeUndefined();
  });
});
