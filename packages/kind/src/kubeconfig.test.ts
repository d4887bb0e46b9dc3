import { parse } from "yaml";
import { kubeconfig } from "./kubeconfig";
import { type FakeKind, fakeKind } from "./test-support/fake-kind";

let fake: FakeKind | undefined;
afterEach(async () => {
  await fake?.remove();
  fake = undefined;
});

describe("kubeconfig", () => {
  it("returns kind get kubeconfig's text", async () => {
    fake = await fakeKind({ "get kubeconfig": { stdoutFixture: "kubeconfig.yaml" } });
    const text = await kubeconfig("tp08-ada", { binary: fake.binary });
    expect(parse(text)["current-context"]).toBe("kind-tp08-ada");
    expect((await fake.calls())[0]?.argv).toEqual(["get", "kubeconfig", "--name", "tp08-ada"]);
  });

  it("asks for the address containers on the kind network use", async () => {
    fake = await fakeKind({ "get kubeconfig": { stdoutFixture: "kubeconfig.yaml" } });
    await kubeconfig("tp08-ada", { binary: fake.binary, internal: true });
    expect((await fake.calls())[0]?.argv).toEqual(["get", "kubeconfig", "--name", "tp08-ada", "--internal"]);
  });

  it("says when the cluster does not exist", async () => {
    fake = await fakeKind({
      "get kubeconfig": { fixture: "get-kubeconfig-missing.stderr.txt", exitCode: 1 },
    });
    await expect(kubeconfig("tp08-gone", { binary: fake.binary })).rejects.toMatchObject({
      code: "KIND_CLUSTER_NOT_FOUND",
      message: 'No kind cluster named "tp08-gone" exists.',
    });
  });
});
