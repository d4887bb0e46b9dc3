import { standardBase64, swarmDataSpec } from "./swarm-data-spec";

describe("swarmDataSpec", () => {
  it("turns URL-safe, unpadded base64 into the padded standard form Docker decodes", () => {
    const raw = Buffer.from([0xfb, 0xff, 0x3e, 0x41]);
    const urlSafe = raw.toString("base64url"); // "-_8-QQ", no padding
    expect(standardBase64({ data: urlSafe })).toBe(raw.toString("base64"));
    expect(Buffer.from(standardBase64({ data: urlSafe }), "base64")).toEqual(raw);
    expect(standardBase64({ data: raw.toString("base64") })).toBe(raw.toString("base64"));
  });

  it("encodes a config's dataRaw and carries name and labels", () => {
    expect(swarmDataSpec({ dataRaw: "server {}\n" }, "web-conf", { a: "b" })).toEqual({
      Name: "web-conf",
      Labels: { a: "b" },
      Data: Buffer.from("server {}\n").toString("base64"),
    });
  });
});
