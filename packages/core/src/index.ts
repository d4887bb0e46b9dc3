// The public API of @labctl/core, cheap to import. The light modules (no dependency beyond Node
// and the sdk) load with it; a module that pulls in a heavy one (zod, yaml, csv, XML, file locks,
// p-limit, the Docker client, the engines) loads when one of its names is first read, so that
// `labctl labs` and `--help` never pay for it. Adding an export: a light module goes in the first
// list; a heavy one gets a line in each of the three below (index.test.ts checks they agree).

// Heavy, 1 of 3: their types, free at run time.
export type * from "./class/class-down";
// Light: loaded with the index.
export * from "./class/class-engine";
export * from "./class/class-id";
export * from "./class/class-options";
export * from "./class/class-paths";
export type * from "./class/class-report";
export type * from "./class/class-run-record";
export type * from "./class/class-status";
export * from "./class/class-types";
export type * from "./class/class-up";
export type * from "./class/class-verify";
export type * from "./class/class-verify-store";
export type * from "./class/isolation/isolation-check";
export type * from "./class/isolation/isolation-probe";
export type * from "./class/open-class-engine";
export type * from "./class/preflight/class-preflight";
export * from "./class/report/class-grid";
export type * from "./class/run-for-students";
export type * from "./class/select-students";
export type * from "./class/student-ids";
export type * from "./config/config";
export * from "./engine/load-engine";
export * from "./engine/types";
export type * from "./environment/environment-record";
export type * from "./environment/open-environment";
export type * from "./environment/resolve-environment";
export * from "./errors";
export * from "./home/labctl-home";
export * from "./naming/labels";
export * from "./naming/names";
export * from "./naming/slug";
export * from "./naming/valid-id";
export type * from "./ports/port-allocator";
export * from "./ports/port-preflight";
export type * from "./probes/docker-client";
export type * from "./probes/dockerode-probe";
export * from "./probes/fetch-http-probe";
export * from "./report/human-report";
export type * from "./report/junit-report";
export * from "./report/markdown-report";
export type * from "./roster/read-roster";
export * from "./roster/roster-error";
export * from "./roster/roster-students";
export * from "./roster/roster-types";
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
export * from "./verify/report-types";
export type * from "./verify/run-checks";
export * from "./version";

// Heavy, 2 of 3: their values, typed (a class also needs its instance type, as a type alias).
export declare const { classDown }: typeof import("./class/class-down");
export declare const { classReport, defaultReportDir }: typeof import("./class/class-report");
export declare const {
  ClassRunRecorder,
  readClassRun,
  unsuccessfulStudents,
}: typeof import("./class/class-run-record");
export type ClassRunRecorder = import("./class/class-run-record").ClassRunRecorder;
export declare const { classStatus }: typeof import("./class/class-status");
export declare const { classUp, describeChanges, stepsOf }: typeof import("./class/class-up");
export declare const { classVerify, classVerifyStatus, scoreLine }: typeof import("./class/class-verify");
export declare const { readVerifyStore, saveVerifyResults }: typeof import("./class/class-verify-store");
export declare const {
  ISOLATION_CHECK,
  RING_PEERS,
  isolationCheck,
  isolationNotRun,
}: typeof import("./class/isolation/isolation-check");
export declare const { dockerIsolationProbe }: typeof import("./class/isolation/isolation-probe");
export declare const { openClassEngine }: typeof import("./class/open-class-engine");
export declare const { classPreflight }: typeof import("./class/preflight/class-preflight");
export declare const { outcomeError, runForStudents }: typeof import("./class/run-for-students");
export declare const { selectStudents }: typeof import("./class/select-students");
export declare const { knownStudentIds, rememberStudentIds }: typeof import("./class/student-ids");
export declare const { loadConfig, mapImage }: typeof import("./config/config");
export declare const {
  listRecords,
  readRecord,
  recordFile,
  removeEnvironmentDir,
  scanRecords,
  writeRecord,
}: typeof import("./environment/environment-record");
export declare const { openEnvironment }: typeof import("./environment/open-environment");
export declare const { resolveEnvironment, specFor }: typeof import("./environment/resolve-environment");
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
export declare const {
  DEFAULT_BUDGETS,
  DEFAULT_DOCKER_HOST,
  DOCKER_HOST_FORMS,
  dockerClient,
  dockerHostOf,
  dockerHostOptions,
  dockerTimeout,
  dockerUnreachable,
  hostFromEnvironment,
  parseDockerHost,
  pingDocker,
  resolveDockerHost,
}: typeof import("./probes/docker-client");
export declare const { dockerodeProbe }: typeof import("./probes/dockerode-probe");
export declare const { junitReport }: typeof import("./report/junit-report");
export declare const { parseRoster, readRoster, rosterFormatOf }: typeof import("./roster/read-roster");
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
export declare const { runChecks }: typeof import("./verify/run-checks");

/** Heavy, 3 of 3: the names each heavy module gives, read from it when first used. */
export const LAZY_EXPORTS: Readonly<Record<string, readonly string[]>> = {
  "./class/class-down": ["classDown"],
  "./class/class-report": ["classReport", "defaultReportDir"],
  "./class/class-run-record": ["ClassRunRecorder", "readClassRun", "unsuccessfulStudents"],
  "./class/class-status": ["classStatus"],
  "./class/class-up": ["classUp", "describeChanges", "stepsOf"],
  "./class/class-verify": ["classVerify", "classVerifyStatus", "scoreLine"],
  "./class/class-verify-store": ["readVerifyStore", "saveVerifyResults"],
  "./class/isolation/isolation-check": ["ISOLATION_CHECK", "RING_PEERS", "isolationCheck", "isolationNotRun"],
  "./class/isolation/isolation-probe": ["dockerIsolationProbe"],
  "./class/open-class-engine": ["openClassEngine"],
  "./class/preflight/class-preflight": ["classPreflight"],
  "./class/run-for-students": ["outcomeError", "runForStudents"],
  "./class/select-students": ["selectStudents"],
  "./class/student-ids": ["knownStudentIds", "rememberStudentIds"],
  "./config/config": ["loadConfig", "mapImage"],
  "./environment/environment-record": [
    "listRecords",
    "readRecord",
    "recordFile",
    "removeEnvironmentDir",
    "scanRecords",
    "writeRecord",
  ],
  "./environment/open-environment": ["openEnvironment"],
  "./environment/resolve-environment": ["resolveEnvironment", "specFor"],
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
  "./probes/docker-client": [
    "DEFAULT_BUDGETS",
    "DEFAULT_DOCKER_HOST",
    "DOCKER_HOST_FORMS",
    "dockerClient",
    "dockerHostOf",
    "dockerHostOptions",
    "dockerTimeout",
    "dockerUnreachable",
    "hostFromEnvironment",
    "parseDockerHost",
    "pingDocker",
    "resolveDockerHost",
  ],
  "./probes/dockerode-probe": ["dockerodeProbe"],
  "./report/junit-report": ["junitReport"],
  "./roster/read-roster": ["parseRoster", "readRoster", "rosterFormatOf"],
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
  "./verify/run-checks": ["runChecks"],
};

// (require, not import(): our output is CommonJS and jest runs it as such.)
for (const [path, names] of Object.entries(LAZY_EXPORTS))
  for (const name of names)
    Object.defineProperty(exports, name, { enumerable: true, get: () => require(path)[name] });
