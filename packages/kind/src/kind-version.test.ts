import { kindVersion, parseKindVersion } from "./kind-version";
import { type FakeKind, fakeKind } from "./test-support/fake-kind";

let fake: FakeKind | undefined;
afterEach(async () => {
  await fake?.remove();
  fake = undefined;
});

describe("parseKindVersion", () => {
  it.each([
    ["kind v0.33.0 go1.25.1 linux/amd64\n", { version: "0.33.0", go: "go1.25.1", platform: "linux/amd64" }],
    [
      "kind v0.34.0-alpha+aa74c7f3e55dba go1.26.7 linux/amd64",
      { version: "0.34.0-alpha+aa74c7f3e55dba", go: "go1.26.7", platform: "linux/amd64" },
    ],
    ["kind version 0.27.0", { version: "0.27.0" }],
  ])("reads %j", (text, expected) => {
    expect(parseKindVersion(text)).toEqual(expected);
  });

  it("reads nothing from another program", () => {
    expect(parseKindVersion("Docker version 29.1.0, build 1234")).toBeUndefined();
  });
});

describe("kindVersion", () => {
  it("runs kind version", async () => {
    fake = await fakeKind({ version: { stdout: "kind v0.33.0 go1.25.1 linux/arm64\n" } });
    expect(await kindVersion({ binary: fake.binary })).toEqual({
      version: "0.33.0",
      go: "go1.25.1",
      platform: "linux/arm64",
    });
    expect((await fake.calls())[0]?.argv).toEqual(["version"]);
  });

  it("says when the binary is not kind", async () => {
    fake = await fakeKind({ version: { stdout: "something else\n" } });
    await expect(kindVersion({ binary: fake.binary })).rejects.toMatchObject({
      code: "KIND_VERSION_UNKNOWN",
    });
  });
});
