import { demuxLogs } from "./container-logs";

const frame = (stream: number, text: string) => {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};

describe("demuxLogs", () => {
  it("joins stdout and stderr frames in order", () => {
    expect(demuxLogs(Buffer.concat([frame(1, "hello\n"), frame(2, "oops\n"), frame(1, "bye\n")]))).toBe(
      "hello\noops\nbye\n",
    );
  });

  it("passes a TTY container's raw stream through", () => {
    expect(demuxLogs(Buffer.from("plain text from a tty\n"))).toBe("plain text from a tty\n");
  });

  it("reads an empty log as empty", () => {
    expect(demuxLogs(Buffer.alloc(0))).toBe("");
  });
});
