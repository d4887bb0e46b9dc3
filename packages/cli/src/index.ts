// @labctl/cli is the `labctl` binary (bin/run.js). oclif finds its commands in dist/commands through
// oclif.manifest.json (written by `npm run build`) and loads only the one that runs. What a script
// driving `labctl … --json` may want from here: the result types the commands print.
export type { ClassVerifyCommandResult } from "./commands/class/verify";
export type { DoctorResult } from "./commands/doctor";
export type { LabSummary } from "./commands/labs";
export type { SmokeResult } from "./commands/smoke";
export type { VerifyResult } from "./commands/verify";
