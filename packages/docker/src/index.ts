// The public API of @labctl/docker.
export * from "./bounded-dial";
export * from "./broken-container";
export * from "./cancelled-error";
export * from "./connect-agent";
export * from "./container-logs";
export * from "./container-replica";
export * from "./container-wait";
export * from "./crash-loops";
export * from "./docker-budgets";
export * from "./docker-client";
export * from "./docker-errors";
export * from "./docker-host";
export * from "./docker-host-precedence";
export * from "./docker-objects";
export * from "./docker-views";
export * from "./pulumi-docker-types";
export * from "./teardown";
