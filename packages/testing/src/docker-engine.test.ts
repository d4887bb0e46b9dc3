import { type DockerEngineHost, ensureDockerEngine, isDebianLike } from "./docker-engine";

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_CODENAME=bookworm\n';

/** A host whose engine answers once `startDaemon` was called (or never, with `neverAnswers`). */
function fakeHost(
  over: Partial<DockerEngineHost> & {
    dockerd?: boolean;
    neverAnswers?: boolean;
    installFails?: boolean;
  } = {},
) {
  const calls: string[] = [];
  let started = false;
  let dockerd = over.dockerd ?? false;
  const host: DockerEngineHost = {
    ping: async () => started && !over.neverAnswers,
    osRelease: async () => DEBIAN,
    uid: () => 0,
    dockerHost: undefined,
    commandExists: async (cmd) => cmd === "dockerd" && dockerd,
    exec: async (cmd, args, env) => {
      calls.push(`${cmd} ${args.join(" ")} [${env.DEBIAN_FRONTEND}]`);
      if (args[0] === "install") {
        if (over.installFails) throw new Error("dpkg returned an error code (1)");
        dockerd = true;
      }
    },
    startDaemon: (logFile) => {
      calls.push(`startDaemon ${logFile.endsWith("labctl-dockerd.log")}`);
      started = true;
    },
    sleep: () => new Promise((r) => setTimeout(r, 5)),
    ...over,
  };
  return { host, calls };
}

const quiet = () => undefined;

describe("ensureDockerEngine", () => {
  it("does nothing when an engine already answers", async () => {
    const { host, calls } = fakeHost({ ping: async () => true });
    await expect(ensureDockerEngine({ host, log: quiet })).resolves.toBe("running");
    expect(calls).toEqual([]);
  });

  it("installs docker.io with apt-get and starts dockerd as root on Debian", async () => {
    const { host, calls } = fakeHost();
    await expect(ensureDockerEngine({ host, log: quiet })).resolves.toBe("started");
    expect(calls).toEqual([
      "apt-get update [noninteractive]",
      "apt-get install -y --no-install-recommends docker.io [noninteractive]",
      "startDaemon true",
    ]);
  });

  it("only starts dockerd when docker.io is already installed", async () => {
    const { host, calls } = fakeHost({ dockerd: true });
    await expect(ensureDockerEngine({ host, log: quiet })).resolves.toBe("started");
    expect(calls).toEqual(["startDaemon true"]);
  });

  it("goes on when apt-get fails after installing dockerd (no init system to start it)", async () => {
    let dockerd = false;
    const { host, calls } = fakeHost({
      commandExists: async () => dockerd,
      exec: async (_cmd, args) => {
        calls.push(args[0] ?? "");
        if (args[0] === "install") {
          dockerd = true;
          throw new Error("post-installation script returned error exit status 1");
        }
      },
    });
    await expect(ensureDockerEngine({ host, log: quiet })).resolves.toBe("started");
    expect(calls).toEqual(["update", "install", "startDaemon true"]);
  });

  it("fails with the apt-get error when dockerd is still missing", async () => {
    const { host } = fakeHost({ installFails: true });
    await expect(ensureDockerEngine({ host, log: quiet })).rejects.toThrow(
      /Installing docker.io failed: dpkg returned/,
    );
  });

  it("refuses to install when not root", async () => {
    const { host, calls } = fakeHost({ uid: () => 1000 });
    await expect(ensureDockerEngine({ host, log: quiet })).rejects.toThrow(
      /start Docker .*or run the tests as root on Debian\/Ubuntu/,
    );
    expect(calls).toEqual([]);
  });

  it("refuses to install on a system without apt", async () => {
    const { host, calls } = fakeHost({ osRelease: async () => 'ID=fedora\nID_LIKE="rhel centos"\n' });
    await expect(ensureDockerEngine({ host, log: quiet })).rejects.toThrow(/No Docker engine answers/);
    expect(calls).toEqual([]);
  });

  it("does not install a local engine for a remote DOCKER_HOST", async () => {
    const { host, calls } = fakeHost({ dockerHost: "tcp://10.0.0.5:2376" });
    await expect(ensureDockerEngine({ host, log: quiet })).rejects.toThrow(
      /DOCKER_HOST=tcp:\/\/10.0.0.5:2376/,
    );
    expect(calls).toEqual([]);
  });

  it("gives up when the started dockerd never answers", async () => {
    const { host } = fakeHost({ dockerd: true, neverAnswers: true });
    await expect(ensureDockerEngine({ host, log: quiet, timeoutMs: 50 })).rejects.toThrow(
      /did not answer within 0 s: see .*labctl-dockerd.log/,
    );
  });
});

describe("isDebianLike", () => {
  it("accepts Debian, Ubuntu and their derivatives", () => {
    expect(isDebianLike(DEBIAN)).toBe(true);
    expect(isDebianLike("ID=ubuntu\nID_LIKE=debian\n")).toBe(true);
    expect(isDebianLike('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe(true);
  });

  it("rejects other systems and a missing os-release", () => {
    expect(isDebianLike('ID=fedora\nID_LIKE="rhel centos fedora"\n')).toBe(false);
    expect(isDebianLike("ID=alpine\n")).toBe(false);
    expect(isDebianLike(undefined)).toBe(false);
  });
});
