import { parseGoDuration } from "./go-duration";

describe("parseGoDuration", () => {
  it.each([
    ["5s", 5e9],
    ["1m30s", 90e9],
    ["250ms", 250e6],
    ["1.5h", 5400e9],
    ["0", 0],
    ["10us", 10e3],
  ])("reads %s", (text, ns) => {
    expect(parseGoDuration(text)).toBe(ns);
  });

  it("treats an empty or missing value as not set", () => {
    expect(parseGoDuration(undefined)).toBeUndefined();
    expect(parseGoDuration("")).toBeUndefined();
  });

  it.each(["5", "five seconds", "5s junk", "s"])("rejects %s", (text) => {
    expect(() => parseGoDuration(text)).toThrow(/is not a duration/);
  });
});
