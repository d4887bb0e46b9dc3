import type Dockerode from "dockerode";
import { BOOKKEEPING, inputsHash, objectLabels } from "../object-labels";
import { buildImage, contextDigest } from "./build-image";
import { followProgress, localImage } from "./image-tools";
import type { KindContext, ResourceKind, State } from "./resource-kind";

interface ImageInputs {
  imageName: string;
  build?: {
    context?: string;
    dockerfile?: string;
    args?: Record<string, string>;
    target?: string;
    platform?: string;
  };
  registry?: { server?: string; username?: string; password?: string };
  skipPush?: boolean;
}

function describe(inputs: ImageInputs, imageId: string, digest?: string): State {
  return {
    ...inputs,
    id: imageId,
    imageName: inputs.imageName,
    baseImageName: inputs.imageName,
    repoDigest: digest ?? imageId,
    registryServer: inputs.registry?.server ?? "",
    context: inputs.build?.context ?? ".",
  };
}

/** Pushes when the program names a registry and does not skip the push; returns the pushed digest. */
async function push(ctx: KindContext, inputs: ImageInputs): Promise<string | undefined> {
  const { registry, skipPush } = inputs;
  if (!registry?.server || skipPush) return undefined;
  const authconfig = {
    username: registry.username,
    password: registry.password,
    serveraddress: registry.server,
  };
  const events = await followProgress(
    ctx.docker,
    await ctx.docker.getImage(inputs.imageName).push({ authconfig }),
  );
  return events.map((event) => (event.aux as { Digest?: string } | undefined)?.Digest).find(Boolean);
}

/**
 * `docker.Image`: builds a context with the legacy builder and tags it `imageName`. The image
 * carries the spec hash (inputs + a digest of the context's files), so an unchanged context is
 * not rebuilt. Images are never removed on `down`.
 */
export const imageKind: ResourceKind<ImageInputs> = {
  async desire(ctx, inputs) {
    const context = contextDigest(inputs.build?.context ?? ".");
    return { inputs, name: inputs.imageName, hash: inputsHash(ctx.resource.type, inputs, { context }) };
  },
  async current(ctx, desired) {
    const info: Dockerode.ImageInspectInfo | undefined = await localImage(ctx.docker, desired.name);
    if (!info) return [];
    return [
      { id: info.Id, name: desired.name, hash: info.Config?.Labels?.[BOOKKEEPING.spec], reusable: true },
    ];
  },
  async create(ctx, desired) {
    const { build = {}, imageName } = desired.inputs;
    const labels = objectLabels(ctx.spec, {}, ctx.resource, desired.hash);
    const request = { ...build, context: build.context ?? ".", tag: imageName, labels };
    const imageId = await buildImage(ctx.docker, request, ctx.signal);
    return describe(desired.inputs, imageId, await push(ctx, desired.inputs));
  },
  observe: async (_ctx, desired, current) => describe(desired.inputs, current.id),
  remove: async () => {},
  placeholder: (desired) => describe(desired.inputs, `(image ${desired.name})`),
};
