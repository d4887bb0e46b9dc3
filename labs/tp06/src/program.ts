import { dockerLabels, type ProgramContext, publishedUrl } from "@labctl/sdk";
import * as docker from "@pulumi/docker";
import type * as pulumi from "@pulumi/pulumi";
import { htpasswdLine } from "./htpasswd";
import type { Tp06Outputs } from "./outputs";
import { HTPASSWD_PATH, REALM, REGISTRY_PORT, STORAGE_DIR } from "./topology";

type ProgramOutputs = { [K in keyof Tp06Outputs]: pulumi.Input<Tp06Outputs[K]> };

/**
 * A private registry: the distribution registry with htpasswd authentication (one user, the
 * student, with a generated password), its storage on a named volume, published on the
 * student's port.
 */
export default function program(ctx: ProgramContext): ProgramOutputs {
  const labels = dockerLabels(ctx);
  const user = ctx.student.id;
  const password = ctx.secret("registryPassword");
  // Only the bcrypt hash goes into the container; `apply` keeps it a secret all the same.
  const htpasswd = password.apply((pw) => `${htpasswdLine(user, pw)}\n`);

  const volume = new docker.Volume("registry-data", { name: ctx.name("registry-data"), labels });
  const image = new docker.RemoteImage("registry-image", { name: ctx.image("registry"), keepLocally: true });
  const port = ctx.port("registry");
  const registry = new docker.Container(
    "registry",
    {
      name: ctx.name("registry"),
      image: image.imageId,
      envs: [
        "REGISTRY_AUTH=htpasswd",
        `REGISTRY_AUTH_HTPASSWD_REALM=${REALM}`,
        `REGISTRY_AUTH_HTPASSWD_PATH=${HTPASSWD_PATH}`,
        `REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY=${STORAGE_DIR}`,
      ],
      uploads: [{ file: HTPASSWD_PATH, content: htpasswd }],
      volumes: [{ volumeName: volume.name, containerPath: STORAGE_DIR }],
      ports: [{ internal: REGISTRY_PORT, external: port, ip: ctx.bindAddress, protocol: "tcp" }],
      restart: "unless-stopped",
      labels,
    },
    { deleteBeforeReplace: true },
  );

  // Docker speaks plain HTTP to a registry on 127.0.0.0/8 (localhost included), TLS elsewhere.
  const url = publishedUrl(ctx.bindAddress, port);
  return {
    registryUrl: url,
    registryHost: new URL(url).host,
    registryContainer: registry.name,
    volume: volume.name,
    registryUser: user,
    registryPassword: password,
  };
}
