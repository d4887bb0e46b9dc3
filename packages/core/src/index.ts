// The public API of @labctl/core, cheap to import. The light modules (no dependency beyond Node
// and the sdk) load with it; a module that pulls in a heavy one (zod, yaml, file locks, the Docker
// client, the Pulumi SDK) loads when one of its names is first read, so that `labctl verify` of a
// docker lab never pays for what it does not use. Adding an export: a light module goes in the
// first list; a heavy one gets a line in each of the three below (index.test.ts checks they agree).

// Light: loaded with the index. Heavy, 1 of 3: their types, free at run time.
export type * from "./config/config";
export type * from "./engine/load-engine";
export * from "./engine/types";
export type * from "./environment/environment-record";
export type * from "./environment/open-environment";
export type * from "./environment/resolve-environment";
export * from "./errors";
export * from "./home/labctl-home";
export type * from "./infra/load-infra";
export * from "./naming/names";
export * from "./naming/slug";
export * from "./naming/valid-id";
export type * from "./ports/docker-port-owners";
export type * from "./ports/port-allocator";
export * from "./ports/port-preflight";
export type * from "./probes/dockerode-probe";
export * from "./probes/fetch-http-probe";
export type * from "./program/plan-environment";
export type * from "./program/program-context";
export type * from "./program/program-runner";
export type * from "./program/pulumi-values";
export * from "./report/human-report";
export type * from "./report/junit-report";
export * from "./report/markdown-report";
export type * from "./secrets/secret-store";
export type * from "./state/environment-lock";
export type * from "./state/state-file";
export type * from "./verbs/down";
export type * from "./verbs/gc";
export type * from "./verbs/preview";
export type * from "./verbs/repair";
export type * from "./verbs/status";
export type * from "./verbs/up";
export type * from "./verbs/verify";
export type * from "./verify/report-schema";
export * from "./verify/report-types";
export type * from "./verify/run-checks";
export * from "./version";

// Heavy, 2 of 3: their values, typed (a class also needs its instance type, as a type alias).
export declare const { loadConfig, mapImage }: typeof import("./config/config");
export declare const { ENGINE_PACKAGES, loadClassEngine, loadEngine }: typeof import("./engine/load-engine");
export declare const {
  listRecords,
  readRecord,
  recordFile,
  removeEnvironmentDir,
  scanRecords,
  writeRecord,
}: typeof import("./environment/environment-record");
export declare const { INFRA_PACKAGES, loadInfra }: typeof import("./infra/load-infra");
export declare const { openEnvironment }: typeof import("./environment/open-environment");
export declare const { resolveEnvironment, specFor }: typeof import("./environment/resolve-environment");
export declare const { dockerPortOwner, ownedBy }: typeof import("./ports/docker-port-owners");
export declare const {
  LAB_WINDOW,
  PORTS_LOCK_WAIT_MS,
  allocatePorts,
  commitChecked,
  commitPorts,
  planPorts,
  portsFile,
  portsFor,
}: typeof import("./ports/port-allocator");
export declare const { dockerodeProbe }: typeof import("./probes/dockerode-probe");
export declare const { programContext }: typeof import("./program/program-context");
export declare const { planEnvironment }: typeof import("./program/plan-environment");
export declare const { runProgram }: typeof import("./program/program-runner");
export declare const { labelMap, unwrapSecrets }: typeof import("./program/pulumi-values");
export declare const { junitReport }: typeof import("./report/junit-report");
export declare const {
  ensureSecrets,
  generateSecret,
  readSecrets,
  redactSecrets,
}: typeof import("./secrets/secret-store");
export declare const {
  ENVIRONMENT_LOCK_STALE_MS,
  environmentLockFile,
  environmentLocked,
  withEnvironmentLock,
}: typeof import("./state/environment-lock");
export declare const {
  corrupt,
  readStateFile,
  removeStateFile,
  writeStateFile,
}: typeof import("./state/state-file");
export declare const { down }: typeof import("./verbs/down");
export declare const { gc }: typeof import("./verbs/gc");
export declare const { preview }: typeof import("./verbs/preview");
export declare const { repair }: typeof import("./verbs/repair");
export declare const { status }: typeof import("./verbs/status");
export declare const { up }: typeof import("./verbs/up");
export declare const { verify }: typeof import("./verbs/verify");
export declare const { checkOutcomeSchema, verifyReportSchema }: typeof import("./verify/report-schema");
export declare const { runChecks }: typeof import("./verify/run-checks");

/** Heavy, 3 of 3: the names each heavy module gives, read from it when first used. */
export const LAZY_EXPORTS: Readonly<Record<string, readonly string[]>> = {
  "./config/config": ["loadConfig", "mapImage"],
  "./engine/load-engine": ["ENGINE_PACKAGES", "loadClassEngine", "loadEngine"],
  "./environment/environment-record": [
    "listRecords",
    "readRecord",
    "recordFile",
    "removeEnvironmentDir",
    "scanRecords",
    "writeRecord",
  ],
  "./infra/load-infra": ["INFRA_PACKAGES", "loadInfra"],
  "./environment/open-environment": ["openEnvironment"],
  "./environment/resolve-environment": ["resolveEnvironment", "specFor"],
  "./ports/docker-port-owners": ["dockerPortOwner", "ownedBy"],
  "./ports/port-allocator": [
    "LAB_WINDOW",
    "PORTS_LOCK_WAIT_MS",
    "allocatePorts",
    "commitChecked",
    "commitPorts",
    "planPorts",
    "portsFile",
    "portsFor",
  ],
  "./probes/dockerode-probe": ["dockerodeProbe"],
  "./program/program-context": ["programContext"],
  "./program/plan-environment": ["planEnvironment"],
  "./program/program-runner": ["runProgram"],
  "./program/pulumi-values": ["labelMap", "unwrapSecrets"],
  "./report/junit-report": ["junitReport"],
  "./secrets/secret-store": ["ensureSecrets", "generateSecret", "readSecrets", "redactSecrets"],
  "./state/environment-lock": [
    "ENVIRONMENT_LOCK_STALE_MS",
    "environmentLockFile",
    "environmentLocked",
    "withEnvironmentLock",
  ],
  "./state/state-file": ["corrupt", "readStateFile", "removeStateFile", "writeStateFile"],
  "./verbs/down": ["down"],
  "./verbs/gc": ["gc"],
  "./verbs/preview": ["preview"],
  "./verbs/repair": ["repair"],
  "./verbs/status": ["status"],
  "./verbs/up": ["up"],
  "./verbs/verify": ["verify"],
  "./verify/report-schema": ["checkOutcomeSchema", "verifyReportSchema"],
  "./verify/run-checks": ["runChecks"],
};

// (require, not import(): our output is CommonJS and jest runs it as such.)
for (const [path, names] of Object.entries(LAZY_EXPORTS))
  for (const name of names)
    Object.defineProperty(exports, name, { enumerable: true, get: () => require(path)[name] });
