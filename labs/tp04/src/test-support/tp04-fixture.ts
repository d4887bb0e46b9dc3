import { join } from "node:path";
import type { ContainerView, ExecResult, HttpResponse, ImageView, RunResult } from "@labctl/sdk";
import { checkRunner, containerView, type FakeCheckContextOptions } from "@labctl/testing";
import type { Tp04Outputs } from "../outputs";

const APP_DIR = join(__dirname, "..", "..", "app");

/** A healthy tp04 environment for alice, built from the reference app folder. */
export const OUTPUTS: Tp04Outputs = {
  appUrl: "http://127.0.0.1:18240",
  container: "tp04-alice-app",
  image: "tp04-alice-app:1.0.0",
  buildImage: "gcc:13",
  runtimeImage: "debian:bookworm-slim",
  appDir: APP_DIR,
  dockerfile: join(APP_DIR, "Dockerfile"),
  message: "Bonjour Alice",
  appToken: "token-Secret-1",
};

const PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const nop = (instruction: string) => ({ createdBy: `/bin/sh -c #(nop)  ${instruction}`, size: 0 });

/** debian:bookworm-slim as `docker image inspect` and `docker history` describe it (newest first). */
export const runtimeBase = (over: Partial<ImageView> = {}): ImageView => ({
  id: "sha256:slim",
  size: 74_900_000,
  user: "",
  env: [PATH],
  cmd: ["bash"],
  entrypoint: [],
  labels: {},
  layers: 1,
  history: [nop('CMD ["bash"]'), { createdBy: "/bin/sh -c #(nop) ADD file:1a2b3c in / ", size: 74_900_000 }],
  ...over,
});

/** The reference image: the base, a user, the binary, and metadata (legacy builder history). */
export const appImage = (over: Partial<ImageView> = {}): ImageView => ({
  id: "sha256:app",
  size: 75_720_000,
  user: "10001:10001",
  env: [PATH],
  cmd: ["serve", "--port", "8080"],
  entrypoint: ["labapp"],
  labels: { "dev.labctl.lab": "tp04" },
  healthcheck: ["CMD", "labapp", "health", "--port", "8080"],
  layers: 3,
  history: [
    nop('CMD ["serve" "--port" "8080"]'),
    nop('ENTRYPOINT ["labapp"]'),
    nop('HEALTHCHECK &{["CMD" "labapp" "health" "--port" "8080"] "5s" "3s" "5s" \'\\x03\'}'),
    nop("EXPOSE 8080"),
    nop("USER 10001:10001"),
    { createdBy: "/bin/sh -c #(nop) COPY file:4d5f6700 in /usr/local/bin/labapp ", size: 813_800 },
    {
      createdBy:
        "/bin/sh -c useradd --system --no-log-init --no-create-home --user-group --uid 10001 --shell /usr/sbin/nologin app",
      size: 4_300,
    },
    ...runtimeBase().history,
  ],
  ...over,
});

export const appView = (over: Parameters<typeof containerView>[0] = {}): ContainerView =>
  containerView({
    name: OUTPUTS.container,
    image: "sha256:app",
    user: "10001:10001",
    state: { health: "healthy" },
    cmd: ["serve", "--port", "8080"],
    entrypoint: ["labapp"],
    ports: [{ containerPort: 8080, protocol: "tcp", hostIp: "127.0.0.1", hostPort: 18240 }],
    ...over,
  });

/** /proc/1/status of a process running as `uid`. */
export const procStatus = (uid: number): ExecResult => ({
  exitCode: 0,
  stdout: `Name:\tlabapp\nState:\tS (sleeping)\nUid:\t${uid}\t${uid}\t${uid}\t${uid}\nGid:\t${uid}\t${uid}\t${uid}\t${uid}\n`,
  stderr: "",
});

/** Answers like labapp: a greeting on /, and /private only to the generated token. */
export function labappHttp(url: string, req?: { headers?: Record<string, string> }): HttpResponse {
  const text = (status: number, body: string) => ({
    status,
    headers: { "content-type": "text/plain" },
    body,
  });
  if (url === OUTPUTS.appUrl) return text(200, `labapp 1.0.0: ${OUTPUTS.message} (uid 10001)\n`);
  if (url === `${OUTPUTS.appUrl}/private`) {
    return req?.headers?.authorization === `Bearer ${OUTPUTS.appToken}`
      ? text(200, "private: access granted\n")
      : text(401, "bearer token required\n");
  }
  return text(404, "not found\n");
}

/** A one-off `docker run <image> <cmd>` of the reference image: ENTRYPOINT labapp + the new CMD. */
export function labappRun(_image: string, opts: { cmd?: string[] }): RunResult {
  const ok = opts.cmd?.join(" ") === "version";
  return ok
    ? { exitCode: 0, logs: "labapp 1.0.0\n", timedOut: false }
    : {
        exitCode: 2,
        logs: "usage: labapp serve [--port N] | health [--port N] | version\n",
        timedOut: false,
      };
}

export function healthyEnv(): FakeCheckContextOptions<Tp04Outputs> {
  return {
    lab: "tp04",
    outputs: { ...OUTPUTS },
    containers: [appView()],
    images: { [OUTPUTS.image]: appImage(), [OUTPUTS.runtimeImage]: runtimeBase() },
    exec: (container, cmd) =>
      container === OUTPUTS.container && cmd.join(" ") === "cat /proc/1/status"
        ? procStatus(10001)
        : { exitCode: 127, stdout: "", stderr: `${cmd[0]}: not found` },
    http: labappHttp,
    run: labappRun,
  };
}

/** Runs a check against the healthy environment with some tables replaced. */
export const runCheck = checkRunner(healthyEnv);
