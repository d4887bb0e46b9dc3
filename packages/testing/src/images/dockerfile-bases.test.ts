import { dockerfileBases } from "./dockerfile-bases";

describe("dockerfileBases", () => {
  it("lists external bases once, without stage names or scratch", () => {
    const dockerfile = [
      "# syntax comment",
      "FROM labctl-standin/debian:bookworm AS build",
      "RUN make",
      "from --platform=linux/amd64 build as test",
      "FROM scratch",
      "FROM labctl-standin/debian:bookworm",
      "FROM other:1",
    ].join("\n");
    expect(dockerfileBases(dockerfile)).toEqual(["labctl-standin/debian:bookworm", "other:1"]);
  });

  it("finds nothing in a file without FROM", () => {
    expect(dockerfileBases("RUN true\n# FROM x\n")).toEqual([]);
  });
});
