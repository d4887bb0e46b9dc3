import type { ContainerView, ExecResult } from "@labctl/sdk";
import { checkRunner, containerView, type FakeCheckContextOptions, volumeView } from "@labctl/testing";
import type { Tp06Outputs } from "../outputs";
import { fakeRegistry } from "./fake-registry";

/** A healthy tp06 environment for alice, as the fake check context serves it. */
export const OUTPUTS: Tp06Outputs = {
  registryUrl: "http://127.0.0.1:18306",
  registryHost: "127.0.0.1:18306",
  registryContainer: "tp06-alice-registry",
  volume: "tp06-alice-registry-data",
  registryUser: "alice",
  registryPassword: "reg-Secret-1",
};

export const registryView = (over: Parameters<typeof containerView>[0] = {}): ContainerView =>
  containerView({
    name: OUTPUTS.registryContainer,
    ports: [{ containerPort: 5000, protocol: "tcp", hostIp: "127.0.0.1", hostPort: 18306 }],
    mounts: [
      {
        type: "volume",
        name: OUTPUTS.volume,
        source: `/var/lib/docker/volumes/${OUTPUTS.volume}/_data`,
        destination: "/var/lib/registry",
      },
    ],
    ...over,
  });

/** A registry with alice's credentials, empty, with or without its flaws. */
export const aliceRegistry = (flaws: { authOff?: boolean; readOnlyStorage?: boolean } = {}) =>
  fakeRegistry({
    url: OUTPUTS.registryUrl,
    user: OUTPUTS.registryUser,
    password: OUTPUTS.registryPassword,
    ...flaws,
  });

/** `ls` in the registry container finds a blob's data file only once the registry holds it. */
export function storageExec(blobs: Map<string, string>) {
  return (container: string, cmd: string[]): ExecResult => {
    const path = cmd[1] ?? "";
    const hex = path.match(/sha256\/[0-9a-f]{2}\/([0-9a-f]{64})\/data$/)?.[1];
    if (container === OUTPUTS.registryContainer && cmd[0] === "ls" && hex && blobs.has(`sha256:${hex}`)) {
      return { exitCode: 0, stdout: `${path}\n`, stderr: "" };
    }
    return { exitCode: 2, stdout: "", stderr: `ls: cannot access '${path}': No such file or directory\n` };
  };
}

export function healthyEnv(registry = aliceRegistry()): FakeCheckContextOptions<Tp06Outputs> {
  return {
    lab: "tp06",
    outputs: { ...OUTPUTS },
    containers: [registryView()],
    volumes: [volumeView({ name: OUTPUTS.volume })],
    http: registry.handler,
    exec: storageExec(registry.blobs),
  };
}

/** Runs a check against the healthy environment with some tables replaced. */
export const runCheck = checkRunner(healthyEnv);
