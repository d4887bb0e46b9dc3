import { dockerHostOptions } from "./docker-client";

describe("dockerHostOptions", () => {
  it("reads a unix socket", () => {
    expect(dockerHostOptions("unix:///run/user/1000/docker.sock")).toMatchObject({
      socketPath: "/run/user/1000/docker.sock",
      host: undefined,
    });
  });

  it("reads tcp hosts, with TLS on 2376", () => {
    expect(dockerHostOptions("tcp://10.0.0.5:2375")).toMatchObject({
      host: "10.0.0.5",
      port: "2375",
      protocol: "http",
    });
    expect(dockerHostOptions("tcp://docker.lab:2376")).toMatchObject({ protocol: "https" });
  });

  it("reads ssh hosts with user and port", () => {
    expect(dockerHostOptions("ssh://prof@swarm-1:2222")).toMatchObject({
      protocol: "ssh",
      host: "swarm-1",
      port: "2222",
      username: "prof",
      socketPath: undefined,
    });
  });

  it("rejects an unknown scheme", () => {
    expect(() => dockerHostOptions("ftp://x")).toThrow(/unsupported Docker host/);
  });
});
