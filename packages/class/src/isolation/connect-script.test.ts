import { execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { CONNECT_SCRIPT, reachedTargets } from "./connect-script";

describe("connect script", () => {
  it("reads the script's output", () => {
    expect([...reachedTargets("10.0.0.2:80 0\n10.0.0.3:80 1\n\n")]).toEqual(["10.0.0.2:80"]);
  });

  it("connects with whatever tool the host has (here: node), reporting open and closed ports", async () => {
    const server = createServer().listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const open = `127.0.0.1:${(server.address() as { port: number }).port}`;
    const closed = "127.0.0.1:1";
    const env = { ...process.env, PATH: `${process.execPath.replace(/\/node$/, "")}:${process.env.PATH}` };
    const out = execFileSync("sh", ["-c", CONNECT_SCRIPT, "probe", "1", open, closed], {
      encoding: "utf8",
      env,
    });
    server.close();
    expect(reachedTargets(out)).toEqual(new Set([open]));
  });

  it("exits 127 when no tool is available", () => {
    let status = 0;
    try {
      execFileSync("/bin/sh", ["-c", CONNECT_SCRIPT, "probe", "1", "127.0.0.1:1"], {
        env: { PATH: "/nonexistent" },
      });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(127);
  });
});
