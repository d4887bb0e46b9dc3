import { type DockerObject, findByName, listObjects, type ObjectKind, removeObject } from "@labctl/docker";
import { ExitCode, LabctlError } from "@labctl/sdk";
import { BOOKKEEPING, environmentSelector } from "../object-labels";
import type { Current, KindContext } from "./resource-kind";

/** The environment's objects of `kind` made for this resource, newest Docker listing order. */
export async function labelledCurrent(ctx: KindContext, kind: ObjectKind): Promise<Current[]> {
  const labels = {
    ...environmentSelector(ctx.spec),
    [BOOKKEEPING.resource]: ctx.resource.name,
    [BOOKKEEPING.type]: ctx.resource.type,
  };
  const found = await listObjects(ctx.docker, kind, labels);
  return found.map((object) => ({
    id: object.id,
    name: object.name,
    hash: object.labels[BOOKKEEPING.spec],
    reusable: true,
  }));
}

/**
 * Makes `name` free for a new object: an object of this environment holding it (a renamed
 * resource, a half-finished run) is removed; anyone else's is left alone and reported.
 */
export async function freeName(ctx: KindContext, kind: ObjectKind, name: string): Promise<void> {
  const holder = await findByName(ctx.docker, kind, name);
  if (!holder) return;
  if (!belongsToEnvironment(ctx, holder)) {
    throw new LabctlError(
      `a ${kind} named "${name}" already exists and does not belong to ${ctx.spec.lab.id}/${ctx.spec.student.id}`,
      `remove it (docker ${kind} rm ${name}) or stop whatever created it, then run up again`,
      ExitCode.infrastructure,
      "NAME_TAKEN",
    );
  }
  await removeObject(ctx.docker, holder);
}

export function belongsToEnvironment(ctx: KindContext, object: DockerObject): boolean {
  return Object.entries(environmentSelector(ctx.spec)).every(([key, value]) => object.labels[key] === value);
}

/**
 * Removes a network or volume being replaced, with this environment's containers that use it:
 * Docker refuses to remove it while they exist, and they are re-created after it anyway.
 */
export async function removeWithUsers(
  ctx: KindContext,
  kind: "network" | "volume",
  current: Current,
): Promise<void> {
  const users = await ctx.docker.listContainers({
    all: true,
    filters: {
      [kind]: [current.id],
      label: Object.entries(environmentSelector(ctx.spec)).map(([k, v]) => `${k}=${v}`),
    },
  });
  for (const user of users)
    await removeObject(ctx.docker, { kind: "container", id: user.Id, name: user.Id, labels: {} });
  await removeObject(ctx.docker, { kind, id: current.id, name: current.name, labels: {} });
}
