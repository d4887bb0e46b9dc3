import type { ImageView, RegistryAuth } from "@labctl/sdk";
import { checkImage } from "../registry/check-image";
import { OUTPUTS, runCheck } from "../test-support/tp06-fixture";
import { engineRoundTrip } from "./engine-round-trip";

const ref = "127.0.0.1:18306/labctl-check/hello:v1";
const { config } = checkImage("alice");

/** An engine that pulls the check image when given alice's credentials, and records every call. */
function engine(opts: { pushRefused?: string; pulledId?: string } = {}) {
  const calls: string[] = [];
  const images: Record<string, ImageView> = {};
  const imageView = (id: string): ImageView => ({
    id,
    size: 1536,
    user: "",
    env: [],
    cmd: [],
    entrypoint: [],
    labels: {},
    layers: 1,
    history: [],
  });
  const imageTransfer = (op: string, r: string, auth?: RegistryAuth) => {
    calls.push(`${op} ${r}${auth ? ` as ${auth.username}@${auth.serveraddress}` : ""}`);
    if (op === "pull") {
      if (auth?.password !== "reg-Secret-1") throw new Error("unauthorized: authentication required");
      images[r] = imageView(opts.pulledId ?? config.digest);
    }
    if (op === "push" && opts.pushRefused) throw new Error(opts.pushRefused);
    if (op === "remove") delete images[r];
  };
  return { calls, images, imageTransfer };
}

describe("engine-round-trip", () => {
  it("passes when the engine pulls the pushed image and pushes it back, then removes its copy", async () => {
    const e = engine();
    expect(await runCheck(engineRoundTrip, { images: e.images, imageTransfer: e.imageTransfer })).toEqual({
      status: "pass",
      message: `docker pull and docker push of ${ref} work as alice (image ${config.digest})`,
    });
    expect(e.calls).toEqual([
      `pull ${ref} as alice@127.0.0.1:18306`,
      `push ${ref} as alice@127.0.0.1:18306`,
      `remove ${ref}`,
    ]);
  });

  it("fails with the engine's message when the pull is refused, and still cleans up", async () => {
    const e = engine();
    const outputs = { ...OUTPUTS, registryPassword: "stale" };
    expect(
      await runCheck(engineRoundTrip, { outputs, images: e.images, imageTransfer: e.imageTransfer }),
    ).toEqual({
      status: "fail",
      message: `docker pull ${ref} failed: unauthorized: authentication required`,
    });
    expect(e.calls.at(-1)).toBe(`remove ${ref}`);
  });

  it("fails when the pulled image is not the pushed one, or the push is refused", async () => {
    const other = engine({ pulledId: "sha256:0000" });
    expect(
      (await runCheck(engineRoundTrip, { images: other.images, imageTransfer: other.imageTransfer })).message,
    ).toBe(`docker pull ${ref} gave image sha256:0000, not the pushed ${config.digest}`);
    const refused = engine({ pushRefused: "denied: requested access to the resource is denied" });
    expect(
      (await runCheck(engineRoundTrip, { images: refused.images, imageTransfer: refused.imageTransfer }))
        .message,
    ).toBe(`docker push ${ref} failed: denied: requested access to the resource is denied`);
  });

  it("is an error when the probe cannot move images", async () => {
    expect(await runCheck(engineRoundTrip)).toEqual({
      status: "error",
      message: "this Docker connection cannot pull or push images",
    });
  });
});
