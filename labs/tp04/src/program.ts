import { dockerLabels, type ProgramContext, publishedUrl } from "@labctl/sdk";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { appSource } from "./app-source";
import type { Tp04Outputs } from "./outputs";
import { APP_PORT, APP_VERSION } from "./topology";

type ProgramOutputs = { [K in keyof Tp04Outputs]: pulumi.Input<Tp04Outputs[K]> };

/**
 * Builds labapp from its Dockerfile (multi-stage, bases passed as build arguments so the image
 * map applies to FROM), then runs it on the student's port with its token given at run time.
 */
export default function program(ctx: ProgramContext): ProgramOutputs {
  const labels = dockerLabels(ctx);
  const source = appSource();
  const token = ctx.secret("appToken");
  const buildImage = ctx.image("build");
  const runtimeImage = ctx.image("runtime");

  // Pulled (or found) in the engine's image store before the build: the build resolves FROM
  // there, and the checks measure the image against the runtime base.
  const bases = [
    new docker.RemoteImage("build-image", { name: buildImage, keepLocally: true }),
    new docker.RemoteImage("runtime-image", { name: runtimeImage, keepLocally: true }),
  ];
  const imageName = `${ctx.name("app")}:${APP_VERSION}`;
  const image = new docker.Image(
    "app-image",
    {
      imageName,
      build: {
        context: source.dir,
        dockerfile: source.dockerfile,
        args: { BUILD_IMAGE: buildImage, RUNTIME_IMAGE: runtimeImage },
      },
      skipPush: true,
    },
    { dependsOn: bases },
  );

  const port = ctx.port("app");
  const message = `Bonjour ${ctx.student.name}`;
  const app = new docker.Container(
    "app",
    {
      name: ctx.name("app"),
      // The digest, not the tag: a rebuilt image replaces the container.
      image: image.repoDigest,
      envs: [`APP_MESSAGE=${message}`, pulumi.interpolate`APP_TOKEN=${token}`],
      ports: [{ internal: APP_PORT, external: port, ip: ctx.bindAddress, protocol: "tcp" }],
      restart: "unless-stopped",
      // The image's HEALTHCHECK decides when the app is up.
      wait: true,
      waitTimeout: 60,
      labels,
    },
    { deleteBeforeReplace: true },
  );

  return {
    appUrl: publishedUrl(ctx.bindAddress, port),
    container: app.name,
    image: image.imageName,
    buildImage,
    runtimeImage,
    appDir: source.dir,
    dockerfile: source.dockerfile,
    message,
    appToken: token,
  };
}
