import { kindFailure } from "./kind-errors";
import { KindCommandError, type KindRun } from "./run-kind";
import { fixture } from "./test-support/fake-kind";

const create = async (name: string): Promise<KindRun> => ({
  args: ["create", "cluster", "--name", "tp08-ada"],
  exitCode: 1,
  stdout: "",
  stderr: (await fixture(name)).replaceAll("{{name}}", "tp08-ada"),
});

const what = 'kind could not create cluster "tp08-ada"';

describe("kindFailure", () => {
  it.each([
    [
      "create-port-allocated.stderr.txt",
      "KIND_PORT_IN_USE",
      "host port 127.0.0.1:8080 is already in use",
      "sport = :8080",
    ],
    [
      "create-name-taken.stderr.txt",
      "KIND_CLUSTER_EXISTS",
      'A kind cluster named "tp08-ada" already exists',
      "kind delete cluster --name tp08-ada",
    ],
    [
      "create-image-pull.stderr.txt",
      "KIND_NODE_IMAGE",
      "the node image kindest/node:v1.37.0@sha256:a1ed56cf",
      "docker pull kindest/node:v1.37.0@sha256:",
    ],
    ["create-inotify.stderr.txt", "KIND_INOTIFY_LIMIT", "inotify", "fs.inotify.max_user_watches=524288"],
    ["create-keyring.stderr.txt", "KIND_KEYRING_LIMIT", "key quota", "kernel.keys.maxkeys"],
    [
      "get-kubeconfig-missing.stderr.txt",
      "KIND_CLUSTER_NOT_FOUND",
      'No kind cluster named "tp08-ada"',
      "kind get clusters",
    ],
    [
      "load-not-local.stderr.txt",
      "KIND_IMAGE_NOT_LOCAL",
      "ghcr.io/labctl/app:dev is not in the local Docker engine",
      "docker pull",
    ],
  ])("maps %s to %s", async (file, code, message, advice) => {
    const error = kindFailure(await create(file), what);
    expect(error).toMatchObject({ code, exitCode: 2 });
    expect(error.message).toContain(message);
    expect(error.advice).toContain(advice);
    expect(error.cause).toBeInstanceOf(KindCommandError);
  });

  it("says why Docker could not pull the image", async () => {
    expect(kindFailure(await create("create-image-pull.stderr.txt"), what).message).toContain(
      "lookup registry-1.docker.io on 10.255.255.254:53: no such host",
    );
  });

  it("maps Docker 28's wording of a taken port", () => {
    const run: KindRun = {
      args: ["create", "cluster"],
      exitCode: 1,
      stdout: "",
      stderr:
        "docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint x-control-plane (1f): failed to bind host port for 0.0.0.0:80:172.18.0.2:80/tcp: address already in use\n",
    };
    expect(kindFailure(run, what).message).toContain("host port 0.0.0.0:80 is already in use");
  });

  it("quotes kind's last lines, not its steps, and keeps its exit code and output in the cause", async () => {
    const run = { ...(await create("create-unknown.stderr.txt")), exitCode: 3 };
    const error = kindFailure(run, what);
    expect(error.code).toBe("KIND_FAILED");
    expect(error.message).toContain("`kind create cluster` failed with exit code 3");
    expect(error.message).toContain("failed to get kubernetes version from node");
    expect(error.message).toContain("container 3e7c0e9f6f0a is not running");
    expect(error.message).not.toContain("Writing configuration");
    expect((error.cause as KindCommandError).run).toEqual(run);
  });
});
