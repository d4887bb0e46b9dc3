import { hostFromEnvironment, resolveDockerHost } from "./docker-host-precedence";

const FILE = "/home/prof/.labctl/config.yaml";
const flag = "ssh://prof@flag-host";
const env = "tcp://10.0.0.5:2375";
const config = "unix:///run/config.sock";

describe("resolveDockerHost: --docker-host > DOCKER_HOST > config.yaml > local socket", () => {
  it.each([
    [{ flag, env, config }, flag, "flag"],
    [{ flag, env }, flag, "flag"],
    [{ flag, config }, flag, "flag"],
    [{ env, config }, env, "DOCKER_HOST"],
    [{ env }, env, "DOCKER_HOST"],
    [{ config }, config, "config"],
    [{ env: "", config }, config, "config"], // an empty DOCKER_HOST is unset, as for docker
    [{}, "unix:///var/run/docker.sock", "default"],
    [{ env: "" }, "unix:///var/run/docker.sock", "default"],
  ])("%j -> %s (%s)", (settings, dockerHost, dockerHostSource) => {
    expect(resolveDockerHost({ ...settings, configFile: FILE })).toEqual({ dockerHost, dockerHostSource });
  });

  it("a bad --docker-host is a usage error (64), whatever else is set", () => {
    for (const value of ["tcp://", "", "docker.lab"]) {
      expect(() => resolveDockerHost({ flag: value, env, config })).toThrow(
        expect.objectContaining({
          exitCode: 64,
          code: "BAD_DOCKER_HOST",
          message: expect.stringMatching(/^--docker-host ".*" is not a Docker host: /),
          advice: expect.stringContaining("tcp://host:2375"),
        }),
      );
    }
  });

  it("a bad DOCKER_HOST in force is bad input (65) naming it; one the flag overrides is ignored", () => {
    expect(() => resolveDockerHost({ env: "tcp://", config })).toThrow(
      expect.objectContaining({
        exitCode: 65,
        message:
          "DOCKER_HOST=tcp:// is not a Docker host: tcp:// needs a host and a port, e.g. tcp://192.0.2.10:2375.",
        advice: expect.stringMatching(/unset DOCKER_HOST, or pass --docker-host\. Accepted: unix:\/\//),
      }),
    );
    expect(resolveDockerHost({ flag, env: "tcp://" })).toEqual({
      dockerHost: flag,
      dockerHostSource: "flag",
    });
  });

  it("a bad dockerHost in config.yaml is bad input (65) naming the file, even when overridden", () => {
    for (const settings of [{ config: "tcp://" }, { flag, config: "tcp://" }, { env, config: "tcp://" }]) {
      expect(() => resolveDockerHost({ ...settings, configFile: FILE })).toThrow(
        expect.objectContaining({
          exitCode: 65,
          message: `${FILE}: dockerHost "tcp://" is not a Docker host: tcp:// needs a host and a port, e.g. tcp://192.0.2.10:2375.`,
        }),
      );
    }
  });

  it("hostFromEnvironment: DOCKER_HOST, else the local socket", () => {
    expect(hostFromEnvironment({ DOCKER_HOST: env })).toBe(env);
    expect(hostFromEnvironment({})).toBe("unix:///var/run/docker.sock");
  });
});
