import Dockerode from "dockerode";
import { demuxLogs } from "./container-logs";

const frame = (stream: number, text: string) => {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};

describe("demuxLogs", () => {
  // Building a client opens no connection: only its modem's demuxer is used.
  const { modem } = new Dockerode();

  it("joins stdout and stderr frames in order", async () => {
    expect(
      await demuxLogs(Buffer.concat([frame(1, "hello\n"), frame(2, "oops\n"), frame(1, "bye\n")]), modem),
    ).toBe("hello\noops\nbye\n");
  });

  it("passes a TTY container's raw stream through", async () => {
    expect(await demuxLogs(Buffer.from("plain text from a tty\n"), modem)).toBe("plain text from a tty\n");
    expect(await demuxLogs(Buffer.from("ok\n"), modem)).toBe("ok\n");
  });

  it("reads an empty log as empty", async () => {
    expect(await demuxLogs(Buffer.alloc(0), modem)).toBe("");
  });
});
