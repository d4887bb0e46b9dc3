import { parseDockerHost } from "./docker-host";

describe("parseDockerHost: what is a Docker host", () => {
  it.each([
    ["unix:///var/run/docker.sock", { kind: "unix", path: "/var/run/docker.sock" }],
    ["unix:///run/user/1000/docker.sock", { kind: "unix", path: "/run/user/1000/docker.sock" }],
    ["npipe:////./pipe/docker_engine", { kind: "npipe", path: "//./pipe/docker_engine" }],
    ["tcp://10.0.0.5:2375", { kind: "tcp", host: "10.0.0.5", port: 2375 }],
    ["tcp://docker.lab:2376", { kind: "tcp", host: "docker.lab", port: 2376 }],
    ["tcp://docker.lab:2376/", { kind: "tcp", host: "docker.lab", port: 2376 }],
    ["tcp://[fd00::5]:2375", { kind: "tcp", host: "fd00::5", port: 2375 }],
    ["ssh://prof@swarm-1", { kind: "ssh", host: "swarm-1", port: 22, user: "prof" }],
    ["ssh://prof@swarm-1:2222", { kind: "ssh", host: "swarm-1", port: 2222, user: "prof" }],
    ["ssh://swarm-1", { kind: "ssh", host: "swarm-1", port: 22, user: undefined }],
  ])("%s is accepted", (value, endpoint) => {
    expect(parseDockerHost(value)).toEqual({ ok: true, endpoint });
  });

  it.each([
    ["", /empty/],
    ["   ", /empty/],
    [" unix:///var/run/docker.sock", /spaces/],
    ["tcp://", /tcp:\/\/ needs a host and a port, e.g. tcp:\/\/192\.0\.2\.10:2375/],
    ["tcp://docker.lab", /needs a port: tcp:\/\/docker\.lab:2375 \(or :2376 with TLS\)/],
    ["tcp://:2375", /is not tcp:\/\/host:port/],
    ["tcp://docker.lab:99999", /is not tcp:\/\/host:port/],
    ["tcp://docker.lab:http", /is not tcp:\/\/host:port/],
    ["tcp://docker.lab:0", /between 1 and 65535/],
    ["tcp://a b:2375", /spaces/],
    ["tcp://u:p@docker.lab:2375", /credentials/],
    ["tcp://docker.lab:2375/v1.41", /no path/],
    ["tcp://docker.lab:2375?tls=1", /no path or query/],
    ["unix://", /needs the socket's absolute path/],
    ["unix://docker.sock", /must be absolute \(unix:\/\/\/docker\.sock\?\)/],
    ["npipe://", /needs the pipe's path/],
    ["ssh://", /ssh:\/\/ needs a host/],
    ["ssh://prof:secret@swarm-1", /SSH key/],
    ["ssh://prof@swarm-1/var/run/docker.sock", /no path/],
    ["http://docker.lab:2375", /written tcp:\/\/host:port, not http:\/\//],
    ["https://docker.lab:2376", /not https:\/\//],
    ["fd://", /dockerd itself/],
    ["ftp://docker.lab", /ftp:\/\/ is not a scheme Docker knows/],
    ["/var/run/docker.sock", /no scheme \(did you mean unix:\/\/\/var\/run\/docker\.sock\?\)/],
    ["docker.lab:2375", /no scheme \(did you mean tcp:\/\/docker\.lab:2375\?\)/],
  ])("%j is refused: %s", (value, problem) => {
    const parsed = parseDockerHost(value);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.problem).toMatch(problem);
    expect(parsed.ok ? "" : parsed.problem).not.toMatch(/Invalid URL/);
  });
});
