import type Dockerode from "dockerode";
import { BOOKKEEPING, inputsHash, objectLabels } from "../object-labels";
import { buildImage, contextDigest } from "./build-image";
import { ensureImage, localImage } from "./image-tools";
import type { ResourceKind, State } from "./resource-kind";

interface RemoteImageInputs {
  name: string;
  keepLocally?: boolean;
  build?: {
    context: string;
    dockerfile?: string;
    buildArgs?: Record<string, string>;
    target?: string;
    platform?: string;
  };
}

function describe(inputs: RemoteImageInputs, info: Dockerode.ImageInspectInfo): State {
  return {
    ...inputs,
    id: `${info.Id}${inputs.name}`,
    imageId: info.Id,
    repoDigest: info.RepoDigests?.[0] ?? info.Id,
  };
}

/**
 * `docker.RemoteImage`: resolves the local image by name, pulling only when it is missing (or
 * building it when the resource has a `build`). Images are never removed on `down`, whatever
 * `keepLocally` says: they are shared, and re-pulling is what an offline classroom cannot do.
 */
export const remoteImageKind: ResourceKind<RemoteImageInputs> = {
  async desire(ctx, inputs) {
    const extra = inputs.build ? { context: contextDigest(inputs.build.context) } : undefined;
    return { inputs, name: inputs.name, hash: inputsHash(ctx.resource.type, inputs, extra) };
  },
  async current(ctx, desired) {
    const info = await localImage(ctx.docker, desired.name);
    if (!info) return [];
    // A built image carries its spec hash; a pulled one is good as long as it is there.
    const hash = desired.inputs.build ? info.Config?.Labels?.[BOOKKEEPING.spec] : desired.hash;
    return [{ id: info.Id, name: desired.name, hash, reusable: true }];
  },
  async create(ctx, desired) {
    const { build, name } = desired.inputs;
    if (build) {
      const labels = objectLabels(ctx.spec, {}, ctx.resource, desired.hash);
      const request = { ...build, tag: name, args: build.buildArgs, labels };
      await buildImage(ctx.docker, request, ctx.signal);
    }
    return describe(desired.inputs, await ensureImage(ctx.docker, name, ctx.signal));
  },
  async observe(ctx, desired) {
    return describe(desired.inputs, await ctx.docker.getImage(desired.name).inspect());
  },
  remove: async () => {},
  placeholder: (desired) => ({
    ...desired.inputs,
    id: desired.name,
    imageId: `(image ${desired.name})`,
    repoDigest: "",
  }),
};
