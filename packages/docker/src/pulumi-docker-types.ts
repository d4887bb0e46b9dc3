import type { ObjectKind } from "./docker-objects";

// The @pulumi/docker type tokens that name Docker objects: how the engines and the class
// pre-flight tell, from a program's registrations, which objects it will create.

/** The type of @pulumi/docker's provider resource (a `host` input names another engine). */
export const DOCKER_PROVIDER = "pulumi:providers:docker";

/** Which Docker object kind each labelled resource type makes (images are never listed or removed). */
export const OBJECT_KIND_OF: Readonly<Record<string, ObjectKind>> = {
  "docker:index/network:Network": "network",
  "docker:index/volume:Volume": "volume",
  "docker:index/container:Container": "container",
  "docker:index/secret:Secret": "secret",
  "docker:index/serviceConfig:ServiceConfig": "config",
  "docker:index/service:Service": "service",
};
