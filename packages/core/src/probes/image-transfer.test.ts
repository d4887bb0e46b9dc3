import { PassThrough } from "node:stream";
import Docker from "dockerode";
import { pullImage, pushImage, removeImage } from "./image-transfer";

const auth = { username: "alice", password: "s3cret", serveraddress: "127.0.0.1:46000" };

/** A progress stream as the engine sends it: one JSON object per line. */
function progress(...events: object[]): NodeJS.ReadableStream {
  const stream = new PassThrough();
  stream.end(events.map((e) => `${JSON.stringify(e)}\r\n`).join(""));
  return stream;
}

describe("image transfers", () => {
  const docker = new Docker({ socketPath: "/nonexistent/docker.sock" });
  afterEach(() => jest.restoreAllMocks());

  it("pulls with the credentials and resolves once the stream ends cleanly", async () => {
    const pull = jest
      .spyOn(docker, "pull")
      .mockResolvedValue(
        progress({ status: "Pulling from labctl-check/hello" }, { status: "Done" }) as never,
      );
    await expect(pullImage(docker, "127.0.0.1:46000/labctl-check/hello:v1", auth)).resolves.toBeUndefined();
    expect(pull).toHaveBeenCalledWith("127.0.0.1:46000/labctl-check/hello:v1", { authconfig: auth });
  });

  it("rejects with the registry's message when the stream reports an error", async () => {
    jest
      .spyOn(docker, "pull")
      .mockResolvedValue(
        progress(
          { status: "Pulling" },
          { errorDetail: { message: "unauthorized: authentication required" } },
        ) as never,
      );
    await expect(pullImage(docker, "127.0.0.1:46000/x:v1")).rejects.toThrow(
      "unauthorized: authentication required",
    );
    // Anonymous: an empty auth header, as `docker` sends it (the engine refuses a push without one).
    expect(docker.pull).toHaveBeenCalledWith("127.0.0.1:46000/x:v1", { authconfig: {} });
  });

  it("rejects with the engine's own message when it refuses before streaming", async () => {
    const image = docker.getImage("127.0.0.1:46000/x:v1");
    jest.spyOn(docker, "getImage").mockReturnValue(image);
    jest
      .spyOn(image, "push")
      .mockRejectedValue(
        Object.assign(
          new Error(
            "(HTTP code 404) no such image - An image does not exist locally with the tag: 127.0.0.1:46000/x ",
          ),
          { statusCode: 404 },
        ) as never,
      );
    await expect(pushImage(docker, "127.0.0.1:46000/x:v1", auth)).rejects.toThrow(
      /^An image does not exist locally with the tag: 127\.0\.0\.1:46000\/x$/,
    );
  });

  it("removes an image, and a missing one is not an error", async () => {
    const image = docker.getImage("gone:1");
    jest.spyOn(docker, "getImage").mockReturnValue(image);
    const remove = jest
      .spyOn(image, "remove")
      .mockRejectedValueOnce(Object.assign(new Error("no such image"), { statusCode: 404 }))
      .mockRejectedValueOnce(Object.assign(new Error("conflict"), { statusCode: 409 }));
    await expect(removeImage(docker, "gone:1")).resolves.toBeUndefined();
    await expect(removeImage(docker, "gone:1")).rejects.toThrow("conflict");
    expect(remove).toHaveBeenCalledTimes(2);
  });
});
