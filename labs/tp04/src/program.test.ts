import { join } from "node:path";
import { type RecordedProgram, recordProgram, type TestEnvironment, testLabels } from "@labctl/testing";
import * as pulumi from "@pulumi/pulumi";

const TEST_ENV = {
  lab: "tp04",
  images: { build: "mirror.test/gcc:13", runtime: "mirror.test/debian:bookworm-slim" },
  ports: { app: 18240 },
  secrets: { appToken: "token-Secret-1" },
} satisfies TestEnvironment;
const { secrets, ports, images } = TEST_ENV;
const labels = testLabels(TEST_ENV);
const APP_DIR = join(__dirname, "..", "app");
let outputs: RecordedProgram["outputs"];
let raw: RecordedProgram["raw"];
let resource: RecordedProgram["resource"];

beforeAll(async () => {
  delete process.env.LABCTL_TP04_APP_DIR;
  ({ outputs, raw, resource } = await recordProgram(TEST_ENV, () => require("./program")));
});

describe("tp04 program", () => {
  it("declares the two base images from the image map and keeps them locally", () => {
    for (const role of ["build", "runtime"]) {
      expect(resource(`${role}-image`)).toMatchObject({
        type: "docker:index/remoteImage:RemoteImage",
        inputs: { name: images[role as keyof typeof images], keepLocally: true },
      });
    }
  });

  it("builds the app folder's Dockerfile with the mapped bases as build arguments, after pulling them", () => {
    const image = resource("app-image");
    expect(image.type).toBe("docker:index/image:Image");
    expect(image.inputs).toMatchObject({
      imageName: "tp04-alice-app:1.0.0",
      build: {
        context: APP_DIR,
        dockerfile: join(APP_DIR, "Dockerfile"),
        args: { BUILD_IMAGE: images.build, RUNTIME_IMAGE: images.runtime },
      },
      skipPush: true,
    });
    expect(image.dependencies).toEqual(expect.arrayContaining(["build-image", "runtime-image"]));
  });

  it("runs the built image by digest on the student's port, labelled, waiting for its healthcheck", () => {
    const app = resource("app").inputs;
    expect(app).toMatchObject({
      name: "tp04-alice-app",
      image: "sha256:app-image",
      restart: "unless-stopped",
      wait: true,
      ports: [{ internal: 8080, external: ports.app, ip: "127.0.0.1", protocol: "tcp" }],
    });
    expect(app.labels).toEqual(Object.entries(labels).map(([label, value]) => ({ label, value })));
    expect(app.healthcheck).toBeUndefined(); // the image's own HEALTHCHECK applies
    expect(resource("app").deleteBeforeReplace).toBe(true);
  });

  it("gives the token to the container at run time, as a secret, and never to the build", async () => {
    expect(resource("app").inputs.envs).toEqual([
      "APP_MESSAGE=Bonjour Alice",
      `APP_TOKEN=${secrets.appToken}`,
    ]);
    expect(JSON.stringify(resource("app").secrets)).toContain(secrets.appToken);
    expect(JSON.stringify(resource("app-image").inputs)).not.toContain(secrets.appToken);
    expect(await pulumi.isSecret(pulumi.output(raw.appToken))).toBe(true);
    expect(await pulumi.isSecret(pulumi.output(raw.image))).toBe(false);
  });

  it("exports what the checks need", () => {
    expect(outputs).toEqual({
      appUrl: `http://127.0.0.1:${ports.app}`,
      container: "tp04-alice-app",
      image: "tp04-alice-app:1.0.0",
      buildImage: images.build,
      runtimeImage: images.runtime,
      appDir: APP_DIR,
      dockerfile: join(APP_DIR, "Dockerfile"),
      message: "Bonjour Alice",
      appToken: secrets.appToken,
    });
  });
});
