import { join } from "node:path";
import { deleteCluster } from "./delete-cluster";
import { type FakeKind, fakeKind } from "./test-support/fake-kind";

let fake: FakeKind | undefined;
afterEach(async () => {
  await fake?.remove();
  fake = undefined;
});

describe("deleteCluster", () => {
  it("runs kind delete cluster with the cluster's own kubeconfig and reports the nodes it removed", async () => {
    fake = await fakeKind({ "delete cluster": { fixture: "delete-existing.stderr.txt" } });
    const kubeconfigPath = join(fake.dir, "tp08-ada.kubeconfig");
    expect(await deleteCluster({ binary: fake.binary, name: "tp08-ada", kubeconfigPath })).toEqual({
      name: "tp08-ada",
      nodes: ["tp08-ada-control-plane", "tp08-ada-worker"],
    });
    expect((await fake.calls())[0]?.argv).toEqual([
      "delete",
      "cluster",
      "--name",
      "tp08-ada",
      "--kubeconfig",
      kubeconfigPath,
    ]);
  });

  it("succeeds for a cluster that does not exist, as kind does", async () => {
    fake = await fakeKind({ "delete cluster": { fixture: "delete-missing.stderr.txt" } });
    expect(await deleteCluster({ binary: fake.binary, name: "tp08-gone" })).toEqual({
      name: "tp08-gone",
      nodes: [],
    });
    expect((await fake.calls())[0]?.argv).toEqual(["delete", "cluster", "--name", "tp08-gone"]);
  });

  it("fails when kind fails", async () => {
    fake = await fakeKind({
      "delete cluster": {
        stderr:
          'Deleting cluster "tp08-ada" ...\nERROR: failed to delete cluster "tp08-ada": failed to delete nodes: command "docker rm -f -v tp08-ada-control-plane" failed with error: exit status 1\n',
        exitCode: 1,
      },
    });
    await expect(deleteCluster({ binary: fake.binary, name: "tp08-ada" })).rejects.toMatchObject({
      code: "KIND_FAILED",
      message: expect.stringContaining("docker rm -f -v tp08-ada-control-plane"),
    });
  });
});
