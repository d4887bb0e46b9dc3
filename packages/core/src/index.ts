// The public API of @labctl/core. Nothing here loads the Pulumi SDK: engines are loaded
// on demand with `loadEngine`.
export * from "./config/config";
export * from "./engine/load-engine";
export * from "./engine/types";
export * from "./environment/environment-record";
export * from "./environment/resolve-environment";
export * from "./errors";
export * from "./home/labctl-home";
export * from "./naming/labels";
export * from "./naming/names";
export * from "./naming/slug";
export * from "./ports/port-allocator";
export * from "./ports/port-preflight";
export * from "./probes/docker-client";
export * from "./probes/dockerode-probe";
export * from "./probes/fetch-http-probe";
export * from "./report/human-report";
export * from "./report/junit-report";
export * from "./report/markdown-report";
export * from "./secrets/secret-store";
export * from "./verbs/down";
export * from "./verbs/status";
export * from "./verbs/up";
export * from "./verbs/verify";
export * from "./verify/report-types";
export * from "./verify/run-checks";
export * from "./version";
