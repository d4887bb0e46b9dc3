import type { HttpRequest } from "@labctl/sdk";
import { checkImage } from "../registry/check-image";
import { pushByHttp } from "../registry/round-trip";
import { aliceRegistry, OUTPUTS, registryView, runCheck, storageExec } from "../test-support/tp06-fixture";
import { blobDataPath, storageVolume } from "./storage-volume";

const { layer } = checkImage("alice");

async function pushedBlobs(): Promise<Map<string, string>> {
  const registry = aliceRegistry();
  const http = { request: async (u: string, r?: HttpRequest) => registry.handler(u, r) };
  await pushByHttp(
    http,
    { url: OUTPUTS.registryUrl, auth: { username: "alice", password: OUTPUTS.registryPassword } },
    checkImage("alice"),
  );
  return registry.blobs;
}

const mountAt = (mount: { type: string; name?: string; source: string }) =>
  registryView({ mounts: [{ ...mount, destination: "/var/lib/registry" }] });

describe("storage-volume", () => {
  it("names the filesystem driver's path of a blob", () => {
    expect(blobDataPath("sha256:abcdef")).toBe(
      "/var/lib/registry/docker/registry/v2/blobs/sha256/ab/abcdef/data",
    );
  });

  it("passes when the lab's volume is at /var/lib/registry and holds the pushed layer", async () => {
    expect(await runCheck(storageVolume, { exec: storageExec(await pushedBlobs()) })).toEqual({
      status: "pass",
      message: `/var/lib/registry in tp06-alice-registry is on volume tp06-alice-registry-data and holds the pushed layer ${layer.digest}`,
    });
  });

  it("fails when the pushed layer is not in the storage", async () => {
    expect(await runCheck(storageVolume, { exec: storageExec(new Map()) })).toEqual({
      status: "fail",
      message: `the pushed layer ${layer.digest} is not in /var/lib/registry of tp06-alice-registry: ls: cannot access '${blobDataPath(layer.digest)}': No such file or directory`,
    });
  });

  it("fails on a missing volume, an anonymous volume or a bind mount", async () => {
    expect((await runCheck(storageVolume, { volumes: [] })).message).toBe(
      "volume tp06-alice-registry-data does not exist",
    );
    const anonymous = mountAt({ type: "volume", name: "9c1d", source: "/var/lib/docker/volumes/9c1d/_data" });
    expect((await runCheck(storageVolume, { containers: [anonymous] })).message).toBe(
      "/var/lib/registry is on volume 9c1d, not the lab's volume tp06-alice-registry-data",
    );
    const bind = mountAt({ type: "bind", source: "/srv/registry" });
    expect((await runCheck(storageVolume, { containers: [bind] })).message).toBe(
      "/var/lib/registry is a bind mount of /srv/registry, not the volume tp06-alice-registry-data",
    );
    expect((await runCheck(storageVolume, { containers: [registryView({ mounts: [] })] })).message).toBe(
      "nothing is mounted at /var/lib/registry in tp06-alice-registry",
    );
  });
});
