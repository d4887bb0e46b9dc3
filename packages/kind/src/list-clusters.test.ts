import { listClusters } from "./list-clusters";
import { type FakeKind, fakeKind } from "./test-support/fake-kind";

let fake: FakeKind | undefined;
afterEach(async () => {
  await fake?.remove();
  fake = undefined;
});

describe("listClusters", () => {
  it("returns the names kind get clusters prints", async () => {
    fake = await fakeKind({ "get clusters": { stdout: "tp08-ada\ntp08-bob\n" } });
    expect(await listClusters({ binary: fake.binary })).toEqual(["tp08-ada", "tp08-bob"]);
    expect((await fake.calls())[0]?.argv).toEqual(["get", "clusters"]);
  });

  it('returns no name for "No kind clusters found."', async () => {
    fake = await fakeKind({ "get clusters": { fixture: "get-clusters-none.stderr.txt" } });
    expect(await listClusters({ binary: fake.binary })).toEqual([]);
  });

  it("says what kind said when it fails", async () => {
    fake = await fakeKind({
      "get clusters": {
        stderr:
          'ERROR: failed to list clusters: command "docker ps -a --filter label=io.x-k8s.kind.cluster --format \'{{.Label "io.x-k8s.kind.cluster"}}\'" failed with error: exit status 1\nCommand Output: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
        exitCode: 1,
      },
    });
    await expect(listClusters({ binary: fake.binary })).rejects.toMatchObject({
      code: "KIND_DOCKER_UNREACHABLE",
      exitCode: 2,
    });
  });
});
