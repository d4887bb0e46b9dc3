import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { DEFAULT_BUDGETS } from "./docker-budgets";
import { dockerClient, dockerHostOf, dockerHostOptions } from "./docker-client";

describe("dockerHostOptions", () => {
  it("reads a unix socket", () => {
    expect(dockerHostOptions("unix:///run/user/1000/docker.sock")).toMatchObject({
      socketPath: "/run/user/1000/docker.sock",
      host: undefined,
    });
  });

  it("reads tcp hosts, with TLS on 2376 or DOCKER_TLS_VERIFY=1", () => {
    expect(dockerHostOptions("tcp://10.0.0.5:2375", DEFAULT_BUDGETS, {})).toMatchObject({
      host: "10.0.0.5",
      port: 2375,
      protocol: "http",
      socketPath: undefined,
      agent: expect.anything(), // sockets that must connect within connectMs
    });
    expect(dockerHostOptions("tcp://docker.lab:2376", DEFAULT_BUDGETS, {})).toMatchObject({
      protocol: "https",
    });
    expect(dockerHostOptions("tcp://[::1]:2375", DEFAULT_BUDGETS, { DOCKER_TLS_VERIFY: "1" })).toMatchObject({
      host: "::1",
      protocol: "https",
    });
  });

  it("takes a TLS host's client certificate from DOCKER_CERT_PATH", () => {
    const dir = mkdtempSync(join(tmpdir(), "labctl-certs-"));
    for (const name of ["ca.pem", "cert.pem", "key.pem"]) writeFileSync(join(dir, name), name);
    const options = dockerHostOptions("tcp://docker.lab:2376", DEFAULT_BUDGETS, { DOCKER_CERT_PATH: dir });
    expect(String(options.ca)).toBe("ca.pem");
    expect(String(options.key)).toBe("key.pem");
    expect(() =>
      dockerHostOptions("tcp://docker.lab:2376", DEFAULT_BUDGETS, { DOCKER_CERT_PATH: "/nonexistent" }),
    ).toThrow(
      expect.objectContaining({ exitCode: 66, message: expect.stringContaining("/nonexistent/ca.pem") }),
    );
  });

  it("reads ssh hosts, the user defaulting to the local one as with OpenSSH", () => {
    expect(
      dockerHostOptions("ssh://prof@swarm-1:2222", { ...DEFAULT_BUDGETS, connectMs: 1234 }),
    ).toMatchObject({
      protocol: "ssh",
      host: "swarm-1",
      port: 2222,
      username: "prof",
      socketPath: undefined,
      sshOptions: { readyTimeout: 1234 },
    });
    expect(dockerHostOptions("ssh://swarm-1")).toMatchObject({ port: 22, username: userInfo().username });
  });

  it("refuses what is not a Docker host, in words", () => {
    expect(() => dockerHostOptions("ftp://x")).toThrow(
      /"ftp:\/\/x" is not a Docker host: ftp:\/\/ is not a scheme/,
    );
    expect(() => dockerHostOptions("tcp://")).toThrow(
      expect.objectContaining({ code: "BAD_DOCKER_HOST", exitCode: 65 }),
    );
  });
});

describe("dockerClient", () => {
  it("remembers its host, for messages", () => {
    expect(dockerHostOf(dockerClient("tcp://10.0.0.5:2375"))).toBe("tcp://10.0.0.5:2375");
  });
});
