import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Dockerode from "dockerode";
import { buildImage } from "./build-image";

/** A dockerode whose /build answers with the given progress events. */
function fakeDocker(events: Record<string, unknown>[]): Dockerode {
  return {
    buildImage: async () => ({}),
    modem: {
      followProgress: (_stream: unknown, done: (e: null, ev: unknown[]) => void) => done(null, events),
    },
    getImage: () => ({ inspect: async () => ({ Id: "sha256:from-tag" }) }),
  } as unknown as Dockerode;
}

describe("buildImage", () => {
  const context = mkdtempSync(join(tmpdir(), "labctl-build-"));
  writeFileSync(join(context, "Dockerfile"), "FROM scratch\n");
  const request = { context, tag: "app:1", labels: {} };

  it("returns the last stage's image id of a multi-stage build, not the first", async () => {
    const events = [
      { stream: "Step 1/8 : FROM gcc:13 AS build" },
      { aux: { ID: "sha256:build-stage" } },
      { stream: "Step 5/8 : FROM debian:bookworm-slim" },
      { aux: { ID: "sha256:final" } },
      { stream: "Successfully tagged app:1" },
    ];
    expect(await buildImage(fakeDocker(events), request)).toBe("sha256:final");
  });

  it("falls back to the tag when the stream names no image", async () => {
    expect(await buildImage(fakeDocker([{ stream: "Successfully tagged app:1" }]), request)).toBe(
      "sha256:from-tag",
    );
  });
});
