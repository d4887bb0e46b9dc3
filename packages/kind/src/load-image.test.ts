import { loadImage } from "./load-image";
import { type FakeKind, fakeKind } from "./test-support/fake-kind";

let fake: FakeKind | undefined;
afterEach(async () => {
  await fake?.remove();
  fake = undefined;
});

describe("loadImage", () => {
  it("loads every image into the named cluster in one call", async () => {
    fake = await fakeKind({ "load docker-image": {} });
    await loadImage("tp08-ada", ["nginx:1.27", "ghcr.io/labctl/app:dev"], { binary: fake.binary });
    expect((await fake.calls())[0]?.argv).toEqual([
      "load",
      "docker-image",
      "nginx:1.27",
      "ghcr.io/labctl/app:dev",
      "--name",
      "tp08-ada",
    ]);
  });

  it("does not run kind for no image", async () => {
    fake = await fakeKind({ "load docker-image": {} });
    await loadImage("tp08-ada", [], { binary: fake.binary });
    expect(await fake.calls()).toEqual([]);
  });

  it("refuses an image name kind would read as a flag", async () => {
    fake = await fakeKind({ "load docker-image": {} });
    await expect(loadImage("tp08-ada", ["--all"], { binary: fake.binary })).rejects.toMatchObject({
      code: "KIND_BAD_IMAGE",
    });
    expect(await fake.calls()).toEqual([]);
  });

  it("says when the local engine lacks the image", async () => {
    fake = await fakeKind({ "load docker-image": { fixture: "load-not-local.stderr.txt", exitCode: 1 } });
    await expect(
      loadImage("tp08-ada", ["ghcr.io/labctl/app:dev"], { binary: fake.binary }),
    ).rejects.toMatchObject({
      code: "KIND_IMAGE_NOT_LOCAL",
    });
  });
});
