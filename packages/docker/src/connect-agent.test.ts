import http from "node:http";
import net from "node:net";
import { connectBoundedAgent } from "./connect-agent";
import { answeringDockerEngine } from "./test-support/fake-docker-engine";

const get = (agent: http.Agent, opts: http.RequestOptions) =>
  new Promise<string>((resolve, reject) => {
    const req = http.get({ agent, path: "/", ...opts }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => {
        body += c.toString();
      });
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
  });

describe("connectBoundedAgent", () => {
  it("destroys a socket that does not connect within the budget", async () => {
    // A socket forever connecting: a host dropping every packet.
    const agent = connectBoundedAgent(false, 200, () =>
      Object.assign(new net.Socket(), { connecting: true }),
    );
    const start = Date.now();
    await expect(get(agent, { host: "192.0.2.1" })).rejects.toMatchObject({
      code: "DOCKER_CONNECT_TIMEOUT",
      message: "no connection within 0.2 s",
    });
    expect(Date.now() - start).toBeLessThan(1000);
  });

  it("leaves a connected socket alone, however long the answer takes", async () => {
    const engine = await answeringDockerEngine((_req, res) => {
      setTimeout(() => res.end("late"), 400);
    });
    try {
      const agent = connectBoundedAgent(false, 100);
      await expect(get(agent, { socketPath: engine.socketPath })).resolves.toBe("late");
      agent.destroy();
    } finally {
      await engine.close();
    }
  });
});
