/** labctl's version, stamped on every object as `dev.labctl.version`. */
// eslint-style require keeps package.json out of the compiled rootDir.
export const LABCTL_VERSION: string = (require("../package.json") as { version: string }).version;
