import { PassThrough } from "node:stream";
import {
  containerLogs,
  containerView,
  imageView,
  networkView,
  volumeView,
  withReplica,
} from "@labctl/docker";
import type { DockerProbe, ExecResult } from "@labctl/sdk";
import type Docker from "dockerode";
import { pullImage, pushImage, removeImage } from "./image-transfer";
import { runContainer } from "./run-container";
import { swarmProbe } from "./swarm-probe";

const MAX_OUTPUT = 1024 * 1024;

/** 404 means "no such object": the probe answers undefined. Anything else is a real error. */
async function orUndefined<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return undefined;
    throw e;
  }
}

function collect(stream: PassThrough): () => string {
  let text = "";
  stream.on("data", (chunk: Buffer) => {
    if (text.length < MAX_OUTPUT) text += chunk.toString("utf8");
  });
  return () => text;
}

/** The checks' view of a Docker engine, over dockerode. */
export function dockerodeProbe(docker: Docker): DockerProbe {
  return {
    async version() {
      const v = await docker.version();
      return { version: v.Version, apiVersion: v.ApiVersion };
    },
    container: (name) => orUndefined(async () => containerView(await docker.getContainer(name).inspect())),
    volume: (name) => orUndefined(async () => volumeView(await docker.getVolume(name).inspect())),
    network: (name) => orUndefined(async () => networkView(await docker.getNetwork(name).inspect())),
    image: (ref) =>
      orUndefined(async () => {
        const image = docker.getImage(ref);
        return imageView(
          await image.inspect(),
          (await image.history()) as { CreatedBy: string; Size: number }[],
        );
      }),
    async exec(name, cmd, opts = {}): Promise<ExecResult> {
      const exec = await docker
        .getContainer(name)
        .exec({ Cmd: cmd, Env: opts.env, User: opts.user, AttachStdout: true, AttachStderr: true });
      const stream = await exec.start({ hijack: true, stdin: false });
      const out = new PassThrough();
      const err = new PassThrough();
      const stdout = collect(out);
      const stderr = collect(err);
      docker.modem.demuxStream(stream, out, err);
      await new Promise<void>((resolve, reject) => {
        stream.on("end", resolve);
        stream.on("close", resolve);
        stream.on("error", reject);
      });
      const info = await exec.inspect();
      return { exitCode: info.ExitCode ?? -1, stdout: stdout(), stderr: stderr() };
    },
    async containersWithLabels(labels) {
      const filters = { label: Object.entries(labels).map(([k, v]) => `${k}=${v}`) };
      const list = await docker.listContainers({ all: true, filters });
      const views = await Promise.all(
        list.map((c) => orUndefined(async () => containerView(await docker.getContainer(c.Id).inspect()))),
      );
      return views.filter((v) => v !== undefined);
    },
    logs: (name) =>
      orUndefined(async () => (await containerLogs(docker.getContainer(name))).slice(-MAX_OUTPUT)),
    withReplica: (name, use) => withReplica(docker, name, use),
    pullImage: (ref, auth) => pullImage(docker, ref, auth),
    pushImage: (ref, auth) => pushImage(docker, ref, auth),
    removeImage: (ref) => removeImage(docker, ref),
    run: (image, opts) => runContainer(docker, image, opts),
    ...swarmProbe(docker),
  };
}
