import { mkdtempSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../test-support/run-cli";

// The built CLI (npx turbo run build --filter=@labctl/cli), against a dockerd that is wedged:
// it accepts connections (the kernel does, even while this process waits on the child) and
// never answers.
describe("labctl doctor", () => {
  let server: net.Server;
  let host: string;
  beforeAll(async () => {
    const path = join(mkdtempSync(join(tmpdir(), "labctl-doctor-cli-")), "docker.sock");
    server = net.createServer((socket) => socket.resume());
    await new Promise<void>((resolve) => server.listen(path, resolve));
    host = `unix://${path}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("ends within 15 s against a wedged engine: exit 2, naming the host and the time waited", () => {
    const start = Date.now();
    const run = runCli(["doctor", "--docker-host", host, "--json"]);
    expect(Date.now() - start).toBeLessThan(15_000);
    expect(run.status).toBe(2);
    const result = JSON.parse(run.stdout) as {
      ok: boolean;
      findings: { name: string; status: string; detail: string }[];
    };
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual(
      expect.arrayContaining([
        { name: "docker host", status: "ok", detail: `${host} (from --docker-host)` },
        {
          name: "docker",
          status: "fail",
          detail: expect.stringContaining(
            `The Docker engine at ${host} did not answer within 5 s (GET /_ping).`,
          ),
        },
      ]),
    );
  });

  it("a bad --docker-host is a usage error, before any engine is asked", () => {
    const run = runCli(["doctor", "--docker-host", "tcp://"]);
    expect(run.status).toBe(64);
    expect(run.stderr).toContain(
      '--docker-host "tcp://" is not a Docker host: tcp:// needs a host and a port',
    );
    expect(run.stderr).not.toMatch(/Invalid URL|\n\s+at /);
  });

  it("a bad DOCKER_HOST is named, with exit 2 (doctor reports, does not stop)", () => {
    const run = runCli(["doctor"], { DOCKER_HOST: "tcp://" });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain("DOCKER_HOST=tcp:// is not a Docker host");
  });
});
