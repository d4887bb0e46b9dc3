import { dockerLabels, type ProgramContext, publishedUrl } from "@labctl/sdk";
import * as docker from "@pulumi/docker";
import type * as pulumi from "@pulumi/pulumi";
import type { Tp01Outputs } from "./outputs";
import { studentPage } from "./student-page";
import { NGINX_PORT, NGINX_ROOT } from "./topology";

type ProgramOutputs = { [K in keyof Tp01Outputs]: pulumi.Input<Tp01Outputs[K]> };

/**
 * First containers, on the student's own network: nginx serving the student's own page on the student's port, restarted by
 * the engine, and the hello-world container run once to completion (its output kept in its logs).
 */
export default function program(ctx: ProgramContext): ProgramOutputs {
  const labels = dockerLabels(ctx);
  const image = (role: string) =>
    new docker.RemoteImage(`${role}-image`, { name: ctx.image(role), keepLocally: true });

  // The student's own network: on Docker's default bridge every student's nginx could reach
  // every other's (class verify's isolation check proves they cannot).
  const network = new docker.Network("network", { name: ctx.name("net"), driver: "bridge", labels });
  const port = ctx.port("web");
  const webName = ctx.name("web");
  const web = new docker.Container(
    "web",
    {
      name: webName,
      image: image("web").imageId,
      ports: [{ internal: NGINX_PORT, external: port, ip: ctx.bindAddress, protocol: "tcp" }],
      networksAdvanced: [{ name: network.name, aliases: ["web"] }],
      // Copied into the container before it starts: no host file, so it works with a remote engine.
      uploads: [{ file: `${NGINX_ROOT}/index.html`, content: studentPage(ctx.lab, ctx.student, webName) }],
      restart: "unless-stopped",
      labels,
    },
    { deleteBeforeReplace: true },
  );

  const hello = new docker.Container(
    "hello",
    {
      name: ctx.name("hello"),
      image: image("hello").imageId,
      // Run once: wait for the exit and keep the stopped container (and its logs) to look at.
      attach: true,
      logs: true,
      mustRun: false,
      networksAdvanced: [{ name: network.name }],
      labels,
    },
    { deleteBeforeReplace: true },
  );

  return {
    webUrl: publishedUrl(ctx.bindAddress, port, "/"),
    webContainer: web.name,
    helloContainer: hello.name,
    network: network.name,
  };
}
